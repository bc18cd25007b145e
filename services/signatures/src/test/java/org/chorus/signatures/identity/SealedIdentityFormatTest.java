package org.chorus.signatures.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealedIdentityFormatTest {

    @Test
    void anOrganisationsContactPersonIsKeptWithItsIdentity() {
        Identity identity = new Identity("Quiet Press Union", null, "quiet@example.org", "Li Wei");

        assertThat(SealedIdentities.deserialise(SealedIdentities.serialise(identity)))
                .isEqualTo(identity);
    }

    @Test
    void identitiesSealedBeforeContactNamesExistedStillOpenWithoutOne() throws IOException {
        var bytes = new ByteArrayOutputStream();
        var out = new DataOutputStream(bytes);
        for (String field : new String[] {"Withheld Defender", null, "hidden@example.org"}) {
            out.writeBoolean(field != null);
            if (field != null) {
                byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                out.writeInt(utf8.length);
                out.write(utf8);
            }
        }
        out.flush();

        assertThat(SealedIdentities.deserialise(bytes.toByteArray()))
                .isEqualTo(new Identity("Withheld Defender", null, "hidden@example.org", null));
    }
}
