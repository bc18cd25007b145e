package org.chorus.distribution.bounces;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chorus.platform.sealing.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/bounces} is for mail providers only, never for coordinators: each report carries the provider's
 * name ({@value #PROVIDER}), the time it was signed in Unix seconds ({@value #TIMESTAMP}) and {@value #SIGNATURE}
 * {@code sha256=<hex>}, the HMAC-SHA256 under that provider's secret of the timestamp, a dot and the body exactly as
 * sent. Without a valid signature, or signed more than the configured tolerance away from now, the report is refused
 * with 401 before anything reads it, so it suppresses nobody.
 */
@Component
@EnableConfigurationProperties(BounceProviders.class)
class ProviderSignatures extends OncePerRequestFilter {
    static final String PATH = "/api/bounces";
    static final String PROVIDER = "X-Chorus-Provider";
    static final String TIMESTAMP = "X-Chorus-Timestamp";
    static final String SIGNATURE = "X-Chorus-Signature";
    private static final int MAX_BODY = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ProviderSignatures.class);

    private final Map<String, byte[]> secrets = new HashMap<>();
    private final Duration tolerance;
    private final Clock clock;

    ProviderSignatures(BounceProviders providers, Environment environment, Clock clock) {
        boolean prod = environment.matchesProfiles("prod");
        for (String name : providers.providers().keySet()) {
            String property = "chorus.bounces.providers." + name + ".secret";
            if (prod && Secrets.isDevelopmentKey(decoded(environment.getProperty(property, "")))) {
                log.warn("Bounce provider {} has the published development secret: its reports are refused", name);
                continue;
            }
            secrets.put(name, Secrets.key(environment, property));
        }
        this.tolerance = providers.tolerance();
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(response, 413, "Payload too large", "A bounce report is at most 64 KiB.");
            return;
        }
        String provider = request.getHeader(PROVIDER);
        String timestamp = request.getHeader(TIMESTAMP);
        String signature = request.getHeader(SIGNATURE);
        byte[] secret = provider == null ? null : secrets.get(provider);
        if (secret == null || timestamp == null || signature == null || !signature.startsWith("sha256=")) {
            refuse(
                    response,
                    401,
                    "Mail providers only",
                    "Bounce reports are accepted only from a configured mail"
                            + " provider: send X-Chorus-Provider, X-Chorus-Timestamp and X-Chorus-Signature.");
            return;
        }
        if (!fresh(timestamp)) {
            refuse(
                    response,
                    401,
                    "Mail providers only",
                    "X-Chorus-Timestamp is missing, malformed or too far from"
                            + " now: sign each report when you send it.");
            return;
        }
        byte[] expected = sign(secret, timestamp, body);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(7).strip());
        } catch (IllegalArgumentException notHex) {
            given = new byte[0];
        }
        if (!MessageDigest.isEqual(expected, given)) {
            refuse(response, 401, "Mail providers only", "The signature does not match this report.");
            return;
        }
        chain.doFilter(new ReadAgain(request, body), response);
    }

    private static byte[] decoded(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException notBase64) {
            return new byte[0];
        }
    }

    private boolean fresh(String timestamp) {
        try {
            Instant signed = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(signed, clock.instant()).abs().compareTo(tolerance) <= 0;
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return false;
        }
    }

    /** HMAC-SHA256 of {@code timestamp + "." + body} under {@code secret}: what a provider sends as its signature. */
    static byte[] sign(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.strip().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(JSON.writeValueAsString(
                        Map.of("type", "about:blank", "title", title, "status", status, "detail", detail)));
    }

    /** The request with its body, already read for the signature, readable once more by the controller. */
    private static final class ReadAgain extends HttpServletRequestWrapper {
        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
