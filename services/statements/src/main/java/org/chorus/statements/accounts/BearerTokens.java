package org.chorus.statements.accounts;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <token>} on the JSON API: a personal token, stored only as its SHA-256. */
class BearerTokens extends OncePerRequestFilter {
    private final Accounts accounts;

    BearerTokens(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<CurrentCoordinator> coordinator =
                    accounts.byToken(header.substring(7).strip());
            if (coordinator.isEmpty()) {
                ProblemResponses.write(response, 401, "Unauthorized", "Unknown or revoked API token.");
                return;
            }
            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                    coordinator.get(), null, List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")));
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
