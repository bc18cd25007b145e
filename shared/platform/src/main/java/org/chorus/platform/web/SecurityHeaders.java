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
 * Pages load nothing from elsewhere, cannot be framed, and send no referrer. No answer but a static asset (style,
 * script, font, image) may be kept by a browser or proxy ({@code Cache-Control: no-store}): console pages, APIs and a
 * signer's personal pages (confirm, manage, re-consent, decline, unsubscribe) show identities and addresses; an answer
 * that may be cached says so itself (a controller's own Cache-Control replaces this one). In the {@code prod} profile browsers are
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
        if (!isStaticAsset(request.getRequestURI())) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (!strictTransportSecurity.isEmpty()) {
            response.setHeader("Strict-Transport-Security", strictTransportSecurity);
        }
        chain.doFilter(request, response);
    }

    private static boolean isStaticAsset(String path) {
        String lower = path == null ? "" : path.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("/webjars/")
                || lower.matches("[^?;]*\\.(css|js|woff2?|ttf|otf|png|svg|ico|jpe?g|webp)");
    }
}
