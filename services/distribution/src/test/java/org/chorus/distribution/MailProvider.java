package org.chorus.distribution;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chorus.testsupport.Http;
import tools.jackson.databind.json.JsonMapper;

/** A mail provider reporting bounces over HTTP as distribution.yml's development provider {@code dev} signs them. */
public final class MailProvider {
    /** chorus.bounces.providers.dev.secret of distribution.yml. */
    public static final byte[] DEV_SECRET =
            Base64.getDecoder().decode("ZGV2LW9ubHktYm91bmNlLXByb3ZpZGVyLXNlY3JldC1ub3QtZm9yLXVzZSE=");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Posts {@code report} to /api/bounces signed now by the provider {@code dev}. */
    public static Http.Response report(Http http, Object report) {
        return report(http, "dev", DEV_SECRET, Instant.now(), report);
    }

    public static Http.Response report(Http http, String provider, byte[] secret, Instant at, Object report) {
        return reportJson(http, provider, secret, at, JSON.writeValueAsString(report));
    }

    /** Posts {@code body} as it is (any JSON, well-formed or not) to /api/bounces, signed now by {@code dev}. */
    public static Http.Response reportJson(Http http, String body) {
        return reportJson(http, "dev", DEV_SECRET, Instant.now(), body);
    }

    private static Http.Response reportJson(Http http, String provider, byte[] secret, Instant at, String body) {
        String timestamp = Long.toString(at.getEpochSecond());
        return http.withHeader("X-Chorus-Provider", provider)
                .withHeader("X-Chorus-Timestamp", timestamp)
                .withHeader("X-Chorus-Signature", "sha256=" + sign(secret, timestamp, body))
                .postJson("/api/bounces", body);
    }

    /** HMAC-SHA256 of timestamp, '.', body under the provider's secret, in hex. */
    public static String sign(byte[] secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private MailProvider() {}
}
