package org.chorus.statements.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesMatchTheRfc6238TestVectorsForSha1() {
        assertThat(Totp.code(RFC_KEY, 59L / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_KEY, 1111111109L / 30, 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_KEY, 1111111111L / 30, 8)).isEqualTo("14050471");
        assertThat(Totp.code(RFC_KEY, 1234567890L / 30, 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_KEY, 2000000000L / 30, 8)).isEqualTo("69279037");
        assertThat(Totp.code(RFC_KEY, 20000000000L / 30, 8)).isEqualTo("65353130");
    }

    @Test
    void sixDigitCodesFromABase32SecretAreTheLastSixDigitsOfTheRfcVectors() {
        String secret = Totp.base32(RFC_KEY);
        assertThat(secret).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(Totp.code(secret, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideButNotLaterOrGarbled() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_700_000_000L);
        String code = Totp.code(secret, now);
        assertThat(Totp.verify(secret, code, now)).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(30))).isTrue();
        assertThat(Totp.verify(secret, code, now.plusSeconds(90))).isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
        assertThat(Totp.verify(secret, null, now)).isFalse();
    }

    @Test
    void enrolmentUriNamesIssuerAccountAndSecret() {
        assertThat(Totp.otpauthUri("Chorus", "ana@coalition.example", "ABCDEFGHIJKLMNOP"))
                .isEqualTo("otpauth://totp/Chorus%3Aana%40coalition.example?secret=ABCDEFGHIJKLMNOP&issuer=Chorus"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
