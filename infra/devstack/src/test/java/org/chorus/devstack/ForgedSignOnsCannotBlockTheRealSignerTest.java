package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.LoopbackClient;
import org.chorus.testsupport.Mailbox;
import org.junit.jupiter.api.Test;

/**
 * Targeted denial through the confirmation-mail budget, on loopback (every 127.x.y.z is this host, so each source is a
 * sender of its own, and 127.1.0.0/24 … 127.6.0.0/24 are networks of their own): someone forges sign-ons with an
 * organisation's address until its mailbox's budget is spent; the organisation's real signer, from elsewhere, still
 * gets the confirmation mail of their own sign-on (GreenMail), with their name, and confirms; nothing forged counts.
 *
 * <p>The platform's budget window is {@link TestPlatform#MAIL_WINDOW} (36 s, a hundredth of the hour it is in
 * production): a mailbox gets ten mails at once, then one every 1.44 s here (144 s in production).
 */
class ForgedSignOnsCannotBlockTheRealSignerTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void forgedSignOnsFromOneSenderDoNotKeepTheRealSignerFromSigning() {
        Statement statement = Statement.open("Free the journalists");
        String address = "press-" + UUID.randomUUID() + "@rsf.example";
        LoopbackClient forger = new LoopbackClient("127.0.0.2", statement.port);
        for (int i = 0; i < 9; i++) {
            var answer = forger.postForm(statement.signPath(), form("Forged Org " + i, address, statement.hash));
            assertThat(answer.status()).isEqualTo(303);
            assertThat(answer.header("Location")).contains("/sign/" + statement.id + "/sent");
        }
        LoopbackClient signer = new LoopbackClient("127.0.0.3", statement.port);
        assertThat(signer.postForm(statement.signPath(), form("Reporters Without Borders", address, statement.hash))
                        .status())
                .isEqualTo(303);

        MimeMessage mail = Eventually.await(WAIT, () -> mailFor(address, "Reporters Without Borders"));
        assertConfirms(signer, mail);
        assertThat(Mailbox.messagesTo(address).size())
                .as("the forger's five, at most their newest sign-on once their share is back, the signer's one")
                .isBetween(6, 7);
        assertCountedOnce(statement, "Reporters Without Borders");
    }

    @Test
    void forgedSignOnsFromSixNetworksSpendTheMailboxsBudgetAndTheRealSignerStillConfirms() {
        Statement statement = Statement.open("Release the detained reporters");
        String address = "desk-" + UUID.randomUUID() + "@cpj.example";
        long attackStart = System.nanoTime();
        for (int network = 1; network <= 6; network++) {
            LoopbackClient forger = new LoopbackClient("127." + network + ".0.2", statement.port);
            for (int i = 0; i < 7; i++) {
                assertThat(forger.postForm(
                                        statement.signPath(),
                                        form("Forged " + network + "." + i, address, statement.hash))
                                .status())
                        .isEqualTo(303);
            }
        }
        long attackMillis = (System.nanoTime() - attackStart) / 1_000_000;
        int mailedDuringAttack = Mailbox.messagesTo(address).size();

        LoopbackClient signer = new LoopbackClient("127.9.0.3", statement.port);
        long signed = System.nanoTime();
        var answer = signer.postForm(
                statement.signPath() + "?lang=fr", form("Committee to Protect Journalists", address, statement.hash));
        assertThat(answer.status()).isEqualTo(303);
        boolean held = answer.header("Location").endsWith("/sent?lang=fr&mail=later");
        if (held) {
            assertThat(signer.get(URI.create(answer.header("Location")).getRawPath() + "?lang=fr&mail=later")
                            .body())
                    .as("the signer is told, in French, that their mail may take a while")
                    .contains("peut prendre un moment");
        }

        MimeMessage mail = Eventually.await(WAIT, () -> mailFor(address, "Committee to Protect Journalists"));
        long waitedMillis = (System.nanoTime() - signed) / 1_000_000;
        List<MimeMessage> all = Mailbox.messagesTo(address);
        int before = all.indexOf(mail);
        System.out.printf(
                "Attack of 42 forged sign-ons from 6 networks took %d ms, %d mails were sent meanwhile; the real"
                        + " signer's mail was mail %d to the mailbox, %d forged before it, after %d ms"
                        + " (%.1f mail intervals of %s); held: %s%n",
                attackMillis,
                mailedDuringAttack,
                before + 1,
                before,
                waitedMillis,
                waitedMillis / (double) TestPlatform.MAIL_WINDOW.dividedBy(25).toMillis(),
                TestPlatform.MAIL_WINDOW.dividedBy(25),
                held);
        assertThat(all.size())
                .as("ten at once, then one per interval (1.44 s here) at most")
                .isLessThanOrEqualTo(10
                        + (int) (((System.nanoTime() - attackStart) / 1_000_000)
                                / TestPlatform.MAIL_WINDOW.dividedBy(25).toMillis())
                        + 1);
        assertThat(Mailbox.body(mail)).contains("Committee to Protect Journalists");
        assertConfirms(signer, mail);
        assertCountedOnce(statement, "Committee to Protect Journalists");
    }

    /** A statement open for signature on the test platform. */
    private record Statement(String id, String hash, int port) {
        static Statement open(String title) {
            Http statements = TestPlatform.statements();
            String id = statements
                    .postJson(
                            "/api/statements",
                            Map.of("title", title, "body", "We call for their release.", "language", "en"))
                    .json()
                    .get("id")
                    .asString();
            assertThat(statements
                            .postJson("/api/statements/" + id + "/open", "")
                            .status())
                    .isEqualTo(200);
            Eventually.await(
                    WAIT,
                    () -> assertThat(
                                    TestPlatform.signatures().get("/sign/" + id).status())
                            .isEqualTo(200));
            String hash = statements
                    .get("/api/statements/" + id)
                    .json()
                    .at("/revision/contentHash")
                    .asString();
            return new Statement(id, hash, TestPlatform.get().ports().signatures());
        }

        String signPath() {
            return "/sign/" + id;
        }
    }

    private static MimeMessage mailFor(String address, String organisation) {
        return Mailbox.messagesTo(address).stream()
                .filter(message -> Mailbox.body(message).contains("Contact for " + organisation))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no confirmation mail for " + organisation));
    }

    private static void assertConfirms(LoopbackClient signer, MimeMessage mail) {
        String link = Mailbox.link(mail, "/confirm/");
        var confirmed = signer.postForm(URI.create(link).getRawPath(), Map.of());
        assertThat(confirmed.status()).isEqualTo(200);
    }

    /** The public counter and the signatories list hold the real signer alone: nothing forged counts. */
    private static void assertCountedOnce(Statement statement, String organisation) {
        Http tracking = TestPlatform.tracking();
        Eventually.await(WAIT, () -> {
            var counter = tracking.get("/public/statements/" + statement.id + "/counter");
            assertThat(counter.status()).isEqualTo(200);
            assertThat(counter.json().get("confirmed").asLong()).isEqualTo(1);
        });
        assertThat(TestPlatform.signatures()
                        .withHeader("Authorization", "Bearer " + DevStack.DEV_API_TOKEN)
                        .get("/api/statements/" + statement.id + "/signatories.txt")
                        .body())
                .isEqualTo("  1. " + organisation + " (France)\n");
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
}
