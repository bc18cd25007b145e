package org.chorus.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Cross-site request forgery protection for the console's forms, which post with the coordinator's cookie. A post
 * is accepted only when (1) the browser does not call it cross-site: {@code Sec-Fetch-Site}, if sent, is
 * {@code same-origin}; a browser too old to send it must send no {@code Origin} or one naming this host (pages are
 * served with {@code Referrer-Policy: no-referrer}, so current browsers send {@code Origin: null} even for the
 * console's own forms, and Sec-Fetch-Site decides); and (2) it carries the form token, an HMAC of the
 * coordinator's own token (cookie or bearer) under a secret of the service. The token is bound to the login session
 * and needs no server-side state; another site can neither read it nor compute it.
 */
public class ConsoleCsrf {
    private final byte[] secret;

    public ConsoleCsrf(byte[] secret) {
        this.secret = secret.clone();
    }

    /** The token the console's forms carry for this coordinator. */
    public String token(HttpServletRequest request) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(("console-form|" + credential(request)).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean accepts(HttpServletRequest request, String submittedToken) {
        String site = request.getHeader("Sec-Fetch-Site");
        String origin = request.getHeader("Origin");
        if (site != null) {
            if (!site.equals("same-origin")) {
                return false;
            }
        } else if (origin != null && !sameHost(origin, request.getHeader("Host"))) {
            return false;
        }
        return submittedToken != null
                && MessageDigest.isEqual(
                        token(request).getBytes(StandardCharsets.US_ASCII),
                        submittedToken.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean sameHost(String origin, String host) {
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }

    private static String credential(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).strip();
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (CoordinatorGate.COOKIE.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return "";
    }
}
