package org.chorus.console.signin;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.console.web.ServiceProblem;
import org.chorus.console.web.Services;
import org.chorus.console.web.Services.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * E-mail, password and TOTP code, checked by the statements service ({@code POST /api/sessions}), which answers with
 * a short-lived session token; the console keeps it in the session and revokes it when the session ends.
 */
@Component
class StatementsSignIn implements AuthenticationProvider {
    private static final Logger log = LoggerFactory.getLogger(StatementsSignIn.class);

    private final Services services;

    StatementsSignIn(Services services) {
        this.services = services;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String email = String.valueOf(attempt.getPrincipal()).strip();
        String password = String.valueOf(attempt.getCredentials());
        String code = attempt.getDetails() instanceof SignInDetails details && details.code() != null
                ? details.code().strip()
                : "";
        String client = attempt.getDetails() instanceof SignInDetails details ? details.clientAddress() : null;
        if (email.isEmpty() || password.isEmpty() || !code.matches("\\d{6}")) {
            throw new SignInRefused("wrong", 0);
        }
        Map<?, ?> session;
        try {
            session = (Map<?, ?>) services.call(
                    HttpMethod.POST,
                    Service.STATEMENTS,
                    "/api/sessions",
                    Map.of("email", email, "password", password, "code", code),
                    null,
                    client == null ? Map.of() : Map.of("X-Forwarded-For", client));
        } catch (ServiceProblem problem) {
            if (problem.status() == 429) {
                throw new SignInRefused("throttled", 15);
            }
            if (problem.status() >= 500) {
                log.warn("sign-in: the statements service answered {}", problem.status());
                throw new SignInRefused("unavailable", 0);
            }
            throw new SignInRefused("wrong", 0);
        }
        Coordinator coordinator = coordinator(session);
        return UsernamePasswordAuthenticationToken.authenticated(
                coordinator, null, List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")));
    }

    /** The coordinator and session token of statements' answer to a sign-in. */
    static Coordinator coordinator(Map<?, ?> session) {
        Map<?, ?> who = (Map<?, ?>) session.get("coordinator");
        return new Coordinator(
                UUID.fromString((String) who.get("id")),
                (String) who.get("email"),
                (String) who.get("language"),
                Boolean.TRUE.equals(who.get("admin")),
                (String) session.get("token"),
                Instant.parse((String) session.get("expiresAt")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
