package org.chorus.console.signin;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import org.chorus.console.web.ServiceProblem;
import org.chorus.console.web.Services;
import org.chorus.console.web.Services.Service;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * However a console session ends (sign-out, or the timeout without a request), its token is revoked at the statements
 * service, so the other services' gates refuse it too (after at most their 10 s cache).
 */
@Component
class SessionEnd implements HttpSessionListener {
    private final Services services;

    SessionEnd(Services services) {
        this.services = services;
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object stored =
                event.getSession().getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (stored instanceof SecurityContext context
                && context.getAuthentication() != null
                && context.getAuthentication().getPrincipal() instanceof Coordinator coordinator) {
            revoke(coordinator);
        }
    }

    void revoke(Coordinator coordinator) {
        try {
            services.call(
                    HttpMethod.DELETE,
                    Service.STATEMENTS,
                    "/api/sessions/current",
                    null,
                    coordinator.token(),
                    Map.of());
        } catch (ServiceProblem problem) {
            // already revoked or expired (401): nothing left to end
        }
    }
}
