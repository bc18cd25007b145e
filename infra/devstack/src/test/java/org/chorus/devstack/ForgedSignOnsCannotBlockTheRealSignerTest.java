package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.LoopbackClient;
import org.chorus.testsupport.RealInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * Targeted denial through the confirmation-mail limit, on loopback: someone on 127.0.0.2 submits sign-ons with an
 * organisation's address until that sender's mail budget for the address is spent; the organisation's real signer,
 * on 127.0.0.3, still gets their confirmation mail (GreenMail) and confirms.
 */
class ForgedSignOnsCannotBlockTheRealSignerTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern CONFIRM_LINK = Pattern.compile("http://\\S+(/confirm/[A-Za-z0-9_-]+)");

    @Test
    void forgedSignOnsWithAnOrganisationsAddressDoNotKeepItsRealSignerFromSigning() {
        Http statements = TestPlatform.statements();
        int port = TestPlatform.get().ports().signatures();
        String id = statements
                .postJson(
                        "/api/statements",
                        Map.of("title", "Free the journalists", "body", "We call for their release.", "language", "en"))
                .json()
                .get("id")
                .asString();
        assertThat(statements.postJson("/api/statements/" + id + "/open", "").status())
                .isEqualTo(200);
        Http signatures = TestPlatform.signatures();
        Eventually.await(
                WAIT, () -> assertThat(signatures.get("/sign/" + id).status()).isEqualTo(200));
        String hash = statements
                .get("/api/statements/" + id)
                .json()
                .at("/revision/contentHash")
                .asString();
        String address = "press-" + UUID.randomUUID() + "@rsf.example";

        LoopbackClient forger = new LoopbackClient("127.0.0.2", port);
        for (int i = 0; i < 9; i++) {
            var answer = forger.postForm("/sign/" + id, form("Forged Org " + i, address, hash));
            assertThat(answer.status()).isEqualTo(303);
            assertThat(answer.header("Location")).endsWith("/sign/" + id + "/sent");
        }
        LoopbackClient signer = new LoopbackClient("127.0.0.3", port);
        assertThat(signer.postForm("/sign/" + id, form("Reporters Without Borders", address, hash))
                        .status())
                .isEqualTo(303);

        String confirmPath = Eventually.await(WAIT, () -> {
            List<MimeMessage> mails = mailsTo(address);
            assertThat(mails).as("the forger's five and the signer's one").hasSize(6);
            String mail = mails.stream()
                    .map(ForgedSignOnsCannotBlockTheRealSignerTest::body)
                    .filter(body -> body.contains("Contact for Reporters Without Borders"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no confirmation mail for the real signer"));
            Matcher link = CONFIRM_LINK.matcher(mail);
            assertThat(link.find()).isTrue();
            return link.group(1);
        });
        var confirmed = signer.postForm(confirmPath, Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Signature confirmed");
        assertThat(mailsTo(address))
                .as("the forger's further attempts were mailed to nobody")
                .hasSize(6);
    }

    private static Map<String, String> form(String name, String email, String hash) {
        return Map.of(
                "name",
                name,
                "country",
                "FR",
                "qualifier",
                "",
                "contactName",
                "Contact for " + name,
                "email",
                email,
                "authorised",
                "true",
                "revisionHash",
                hash,
                "website",
                "");
    }

    private static List<MimeMessage> mailsTo(String address) {
        return java.util.Arrays.stream(RealInfrastructure.get().mail().getReceivedMessages())
                .filter(message -> {
                    try {
                        return java.util.Arrays.toString(message.getAllRecipients())
                                .contains(address);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
