package org.chorus.statements.accounts;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.chorus.platform.web.RequestLanguage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coordinator's account page: personal API tokens (shown once) and accounts for colleagues, whose TOTP enrolment
 * is shown as the otpauth:// URI and the secret in text (no third-party QR service). Drafting lives in the one console
 * (services/console); this page, at {@code /console} after login, is what remains of statements' own pages.
 */
@Controller
class AccountsConsole {
    private final Accounts accounts;

    AccountsConsole(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping({"/console", "/console/account"})
    String page(@AuthenticationPrincipal CurrentCoordinator me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute("tokens", accounts.tokens(me.id()));
        model.addAttribute("newEmail", "");
        model.addAttribute("newLanguage", "en");
        return "console/account";
    }

    @PostMapping("/console/account/tokens")
    String token(
            @AuthenticationPrincipal CurrentCoordinator me,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String expiresInDays,
            HttpServletResponse response,
            Model model) {
        String label = name.isBlank() ? "api" : name.strip();
        Integer days = expiresInDays.isBlank() ? null : parseDays(expiresInDays);
        if (label.length() > 100) {
            response.setStatus(400);
            page(me, model);
            model.addAttribute("error", "The token name must not be longer than 100 characters.");
            return "console/account";
        }
        if (!expiresInDays.isBlank() && days == null) {
            response.setStatus(400);
            page(me, model);
            model.addAttribute("error", "A token expires after 1 to 366 days, or never.");
            return "console/account";
        }
        String token = accounts.newToken(me.id(), label, days);
        page(me, model);
        model.addAttribute("token", token);
        return "console/account";
    }

    @PostMapping("/console/account/tokens/{id}/revoke")
    String revoke(
            @AuthenticationPrincipal CurrentCoordinator me,
            @PathVariable String id,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Model model) {
        try {
            accounts.revoke(me.id(), UUID.fromString(id));
        } catch (IllegalArgumentException | ErrorResponseException e) {
            response.setStatus(404);
            page(me, model);
            model.addAttribute("error", "This token does not exist or is revoked already.");
            return "console/account";
        }
        redirect.addFlashAttribute("revoked", true);
        return "redirect:/console/account";
    }

    private static Integer parseDays(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            return days >= 1 && days <= 366 ? days : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @PostMapping("/console/account/coordinators")
    String coordinator(
            @AuthenticationPrincipal CurrentCoordinator me,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "en") String language,
            HttpServletResponse response,
            Model model) {
        page(me, model);
        model.addAttribute("newEmail", email);
        model.addAttribute("newLanguage", language);
        if (!me.admin()) {
            response.setStatus(403);
            model.addAttribute("error", "Only an administrator enrols coordinators.");
        } else if (!email.matches("[^@\\s]+@[^@\\s]+") || email.length() > 254) {
            response.setStatus(400);
            model.addAttribute("error", "Enter the colleague's e-mail address.");
        } else if (password.length() < 12 || password.length() > 200) {
            response.setStatus(400);
            model.addAttribute("error", "The password must have at least 12 characters.");
        } else if (!RequestLanguage.SUPPORTED.stream()
                .anyMatch(l -> l.getLanguage().equals(language))) {
            response.setStatus(400);
            model.addAttribute("error", "Choose one of the console languages.");
        } else {
            try {
                model.addAttribute("enrolment", accounts.create(email, password, language, null));
            } catch (ErrorResponseException e) {
                response.setStatus(e.getStatusCode().value());
                model.addAttribute("error", e.getBody().getDetail());
            }
        }
        return "console/account";
    }
}
