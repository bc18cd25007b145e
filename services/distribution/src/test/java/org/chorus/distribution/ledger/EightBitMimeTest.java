package org.chorus.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.chorus.testsupport.ChorusServiceTest;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ChorusServiceTest
class EightBitMimeTest {
    private static final String FRENCH = "Nous, organisations soussignées, exigeons la libération de Ding Jiaxi.\n"
            + "Défenseurs des droits humains (Chine)\n";

    @Autowired
    Sender sender;

    @Test
    void aReleaseInAccentedFrenchTravelsAsReadable8BitTextToAServerThatOffers8BitMime() throws Exception {
        SMTPMessage message = (SMTPMessage) sender.message(delivery(FRENCH), true);

        assertThat(message.getHeader("Content-Transfer-Encoding", null)).isEqualTo("8bit");
        assertThat(message.getMailExtension()).isEqualTo("BODY=8BITMIME");
        assertThat(raw(message)).contains("exigeons la libération de Ding Jiaxi.\nDéfenseurs");
        assertThat(message.getContent()).isEqualTo(FRENCH);
    }

    @Test
    void withoutThe8BitMimeExtensionOrWithOverlongLinesTheBodyIsEncodedAs7BitText() throws Exception {
        String overlong = "é".repeat(500) + "\n"; // 1,000 octets in UTF-8: more than a line may carry

        for (var message : new SMTPMessage[] {
            (SMTPMessage) sender.message(delivery(FRENCH), false),
            (SMTPMessage) sender.message(delivery(overlong), true)
        }) {
            assertThat(message.getHeader("Content-Transfer-Encoding", null)).isIn("quoted-printable", "base64");
            assertThat(message.getMailExtension()).isNull();
        }
    }

    @Test
    void onlyBodiesWithoutNulAndWithLinesOfAtMost998OctetsFit8Bit() {
        assertThat(Sender.fitsEightBit("a".repeat(998) + "\n" + "b".repeat(998)))
                .isTrue();
        assertThat(Sender.fitsEightBit("a".repeat(999))).isFalse();
        assertThat(Sender.fitsEightBit("é".repeat(499))).isTrue();
        assertThat(Sender.fitsEightBit("é".repeat(500))).isFalse();
        assertThat(Sender.fitsEightBit("日".repeat(332) + "\r\n" + "日".repeat(332)))
                .isTrue();
        assertThat(Sender.fitsEightBit("日".repeat(333))).isFalse();
        assertThat(Sender.fitsEightBit("😀".repeat(249))).isTrue();
        assertThat(Sender.fitsEightBit("😀".repeat(250))).isFalse();
        assertThat(Sender.fitsEightBit("nul \u0000 inside")).isFalse();
    }

    private static Delivery delivery(String body) {
        return new Delivery(
                1,
                "RELEASE",
                null,
                null,
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID().toString(),
                "journalist@press.example",
                "Journaliste",
                "Déclaration commune",
                body,
                "<release.1@chorus.example>",
                "http://localhost/unsubscribe/token",
                0);
    }

    private static String raw(SMTPMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
