package org.chorus.statements.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.platform.web.ClientAddresses;
import org.chorus.platform.web.CoordinatorGate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console login in two steps: e-mail and password, then the 6-digit code of the authenticator app. */
@Controller
class LoginController {
    private static final String PENDING = "chorus.login.pending-coordinator";

    private final Accounts accounts;
    private final SecurityContextRepository contexts;
    private final ClientAddresses clientAddresses;
    private final Duration tokenLifetime;

    LoginController(
            Accounts accounts,
            SecurityContextRepository contexts,
            ClientAddresses clientAddresses,
            @Value("${chorus.console.token-lifetime:8h}") Duration tokenLifetime) {
        this.accounts = accounts;
        this.clientAddresses = clientAddresses;
        this.contexts = contexts;
        this.tokenLifetime = tokenLifetime;
    }

    @GetMapping("/console/login")
    String passwordForm(Model model) {
        model.addAttribute("email", "");
        return "console/login";
    }

    /**
     * The password, then the code on the next page. While password-only attempts are throttled (a guessing attack on
     * this account or from this network), the page asks for the password and the code together, which still get in.
     */
    @PostMapping("/console/login")
    String password(
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            if (!code.isEmpty()) {
                Optional<CurrentCoordinator> both =
                        accounts.checkBothFactors(email, password, code, clientAddresses.of(request));
                if (both.isPresent()) {
                    return logIn(both.get(), request, response);
                }
                model.addAttribute("email", email);
                model.addAttribute("error", "login.wrong");
                model.addAttribute("bothFactors", true);
                return "console/login";
            }
            Optional<UUID> coordinator = accounts.checkPassword(email, password, clientAddresses.of(request));
            if (coordinator.isEmpty()) {
                model.addAttribute("email", email);
                model.addAttribute("error", "login.wrong");
                return "console/login";
            }
            request.getSession().setAttribute(PENDING, coordinator.get());
            return "redirect:/console/login/code";
        } catch (LoginThrottled throttled) {
            model.addAttribute("email", email);
            model.addAttribute("error", "login.throttled");
            model.addAttribute("minutes", throttled.minutes());
            model.addAttribute("bothFactors", true);
            response.setStatus(429);
            return "console/login";
        }
    }

    @GetMapping("/console/login/code")
    String codeForm(HttpSession session) {
        return session.getAttribute(PENDING) == null ? "redirect:/console/login" : "console/login-code";
    }

    @PostMapping("/console/login/code")
    String code(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof UUID pending)) {
            return "redirect:/console/login";
        }
        Optional<CurrentCoordinator> coordinator = accounts.checkCode(pending, code);
        if (coordinator.isEmpty()) {
            model.addAttribute("error", "login.wrongCode");
            return "console/login-code";
        }
        session.removeAttribute(PENDING);
        return logIn(coordinator.get(), request, response);
    }

    private String logIn(CurrentCoordinator coordinator, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                coordinator, null, List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR"))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(CoordinatorGate.COOKIE, accounts.newSessionToken(coordinator.id(), tokenLifetime))
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Strict")
                        .path("/")
                        .maxAge(tokenLifetime)
                        .build()
                        .toString());
        return "redirect:/console";
    }
}
