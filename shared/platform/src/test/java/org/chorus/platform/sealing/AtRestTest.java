package org.chorus.platform.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Mail kept at rest opens only in its own row, under any key still held, and reads as nothing without the key. */
class AtRestTest {
    private static final byte[] ROW = "chorus.delivery.v1\n<request.1@chorus>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MAIL =
            "{\"address\":\"desk@press.example\",\"body\":\"/confirm/Ab3dEf\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensInItsRowOnlyAndHoldsNoPlaintext() {
        AtRest atRest = new AtRest(Map.of("k1", key(1)));
        AtRest.Sealed sealed = atRest.seal(MAIL, ROW);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(new String(sealed.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("desk@press.example");
        assertThat(atRest.open("k1", sealed.bytes(), ROW)).isEqualTo(MAIL);
        assertThat(atRest.seal(MAIL, ROW).bytes()).as("a fresh nonce each time").isNotEqualTo(sealed.bytes());
        assertThatThrownBy(() -> atRest.open("k1", sealed.bytes(), "another row".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Opener.SealedValueRefused.class);
        byte[] altered = sealed.bytes().clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> atRest.open("k1", altered, ROW)).isInstanceOf(Opener.SealedValueRefused.class);
        assertThatThrownBy(() -> new AtRest(Map.of("k1", key(2))).open("k1", sealed.bytes(), ROW))
                .isInstanceOf(Opener.SealedValueRefused.class);
    }

    @Test
    void afterARotationTheNewKeySealsAndTheOldOneStillOpens() {
        AtRest before = new AtRest(Map.of("k1", key(1)));
        AtRest.Sealed old = before.seal(MAIL, ROW);
        Map<String, byte[]> rotated = new LinkedHashMap<>();
        rotated.put("k2", key(2));
        rotated.put("k1", key(1));
        AtRest after = new AtRest(rotated);

        assertThat(after.seal(MAIL, ROW).keyId()).isEqualTo("k2");
        assertThat(after.open("k1", old.bytes(), ROW)).isEqualTo(MAIL);
        assertThatThrownBy(() -> new AtRest(Map.of("k2", key(2))).open("k1", old.bytes(), ROW))
                .isInstanceOf(Opener.SealedValueRefused.class);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
