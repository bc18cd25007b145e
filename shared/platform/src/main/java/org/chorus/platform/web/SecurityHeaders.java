package org.chorus.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Pages load nothing from elsewhere, cannot be framed, and send no referrer. In the {@code prod} profile browsers are
 * also told to reach Chorus over HTTPS only ({@code chorus.web.strict-transport-security} overrides the value, an
 * empty value turns it off).
 */
@Component
public class SecurityHeaders extends OncePerRequestFilter {
    static final String PRODUCTION_HSTS = "max-age=31536000; includeSubDomains";

    private final String strictTransportSecurity;

    public SecurityHeaders(Environment environment) {
        this.strictTransportSecurity = environment.getProperty(
                "chorus.web.strict-transport-security", environment.matchesProfiles("prod") ? PRODUCTION_HSTS : "");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!strictTransportSecurity.isEmpty()) {
            response.setHeader("Strict-Transport-Security", strictTransportSecurity);
        }
        chain.doFilter(request, response);
    }
}
