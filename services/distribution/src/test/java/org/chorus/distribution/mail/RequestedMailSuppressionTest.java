package org.chorus.distribution.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.distribution.MailProvider;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.MailBounced;
import org.chorus.events.MailDelivered;
import org.chorus.events.MailFailed;
import org.chorus.events.MailRequested;
import org.chorus.events.MailUnsubscribed;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class RequestedMailSuppressionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AddressKey key;

    Http http;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
    }

    @Test
    void anInviteeWhoUnsubscribesGetsNoMoreInvitationsOrRemindersButStillTheConfirmationTheyAskFor() {
        UUID statementId = UUID.randomUUID();
        String invitee = Mailbox.uniqueAddress("invitee");
        MailRequested invitation = new MailRequested(
                UUID.randomUUID(),
                "invitation",
                "fr",
                invitee,
                "Ligue des droits",
                Map.of(
                        "statementTitle", "Libérez les défenseurs",
                        "organisation", "Ligue des droits",
                        "signUrl", "https://sign.example.org/sign/abc",
                        "deadline", "1 mars 2025"));
        send(statementId, invitation);

        MimeMessage mail = Eventually.await(TIMEOUT, () -> single(invitee));
        String listUnsubscribe = Mailbox.header(mail, "List-Unsubscribe");
        String link = listUnsubscribe.substring(1, listUnsubscribe.indexOf('>'));
        assertThat(link).contains("/unsubscribe/");
        assertThat(listUnsubscribe).contains("<mailto:bounces@localhost?subject=unsubscribe%20");
        assertThat(Mailbox.header(mail, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mailbox.body(mail).strip())
                .contains("https://sign.example.org/sign/abc")
                .endsWith("\n-- \nPour ne plus recevoir nos invitations à signer :\n" + link);
        String path = link.substring(link.indexOf("/unsubscribe/"));
        var asked = http.get(path);
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("lang=\"fr\"", "Ne plus recevoir d’invitations à signer");

        var done = http.postForm(path, Map.of("List-Unsubscribe", "One-Click"));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body()).contains("Aucune autre invitation ni aucun rappel");
        var unsubscribed =
                TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.MAIL_UNSUBSCRIBED.name(), statementId, TIMEOUT);
        assertThat(unsubscribed).hasSize(1);
        var event = (MailUnsubscribed) unsubscribed.get(0).data();
        assertThat(event.requestId()).isEqualTo(invitation.requestId());
        assertThat(event.template()).isEqualTo("invitation");
        assertThat(unsubscribed.get(0).toString()).doesNotContain(invitee);
        assertThat(http.postForm(path, Map.of("List-Unsubscribe", "One-Click")).status())
                .as("a second click changes nothing")
                .isEqualTo(200);

        MailRequested reminder = new MailRequested(
                UUID.randomUUID(),
                "invitation-reminder",
                "fr",
                invitee,
                "Ligue des droits",
                Map.of(
                        "statementTitle", "Libérez les défenseurs",
                        "organisation", "Ligue des droits",
                        "signUrl", "https://sign.example.org/sign/abc",
                        "number", "1"));
        send(statementId, reminder);
        MailFailed refused = awaitFailure(statementId, reminder.requestId());
        assertThat(refused.permanent()).isTrue();
        assertThat(refused.reason()).isEqualTo("suppressed: unsubscribed");
        assertThat(refused.template()).isEqualTo("invitation-reminder");

        MailRequested confirmation = new MailRequested(
                UUID.randomUUID(),
                "signature-confirmation",
                "fr",
                invitee,
                "Ligue des droits",
                Map.of("statementTitle", "Libérez les défenseurs", "confirmUrl", "https://sign.example.org/c/1"));
        send(statementId, confirmation);
        Eventually.await(TIMEOUT, () -> assertThat(Mailbox.messagesTo(invitee)).hasSize(2));
        MimeMessage confirmationMail = Mailbox.messagesTo(invitee).get(1);
        assertThat(Mailbox.body(confirmationMail)).contains("https://sign.example.org/c/1");
        assertThat(Mailbox.header(confirmationMail, "List-Unsubscribe"))
                .as("a confirmation the signer asked for has no unsubscribe link")
                .isNull();
        assertThat(Mailbox.messagesTo(invitee)).extracting(Mailbox::body).noneMatch(body -> body.contains("Rappel"));
    }

    @Test
    void aHardBounceOfRequestedMailStopsEveryLaterRequestToThatAddress() {
        UUID statementId = UUID.randomUUID();
        String gone = Mailbox.uniqueAddress("gone-signer");
        MailRequested first = confirmation(gone, "https://sign.example.org/c/first");
        send(statementId, first);
        var delivered = (MailDelivered)
                TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.MAIL_DELIVERED.name(), statementId, TIMEOUT)
                        .get(0)
                        .data();

        var bounce = MailProvider.report(
                http,
                Map.of(
                        "messageId",
                        delivered.messageId(),
                        "recipient",
                        gone,
                        "hard",
                        true,
                        "reason",
                        "550 5.1.1 user unknown"));

        assertThat(bounce.status()).isEqualTo(202);
        var bounced = (MailBounced)
                TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.MAIL_BOUNCED.name(), statementId, TIMEOUT)
                        .get(0)
                        .data();
        assertThat(bounced.requestId()).isEqualTo(first.requestId());
        assertThat(bounced.releaseId()).isNull();
        assertThat(jdbc.sql("select reason from request_suppression where address_hash = address_hmac(?, ?, ?)")
                        .params(gone, key.innerPad(), key.outerPad())
                        .query(String.class)
                        .list())
                .containsExactly("HARD_BOUNCE");

        MailRequested second = confirmation(gone, "https://sign.example.org/c/second");
        send(statementId, second);
        MailFailed refused = awaitFailure(statementId, second.requestId());
        assertThat(refused.permanent()).isTrue();
        assertThat(refused.reason()).isEqualTo("suppressed: bounced");
        assertThat(jdbc.sql("select status from delivery where request_id = ?")
                        .param(second.requestId())
                        .query(String.class)
                        .single())
                .isEqualTo("SUPPRESSED");
        assertThat(jdbc.sql("select count(*) from delivery where request_id = ? and recipient_address is not null")
                        .param(second.requestId())
                        .query(Integer.class)
                        .single())
                .as("the address of a suppressed request is not kept")
                .isZero();
        assertThat(Mailbox.messagesTo(gone)).hasSize(1);
    }

    private static MailFailed awaitFailure(UUID statementId, UUID requestId) {
        return Eventually.await(TIMEOUT, () -> {
            List<MailFailed> failures =
                    TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.MAIL_FAILED.name(), statementId, TIMEOUT)
                            .stream()
                            .map(event -> (MailFailed) event.data())
                            .filter(failed -> failed.requestId().equals(requestId))
                            .toList();
            assertThat(failures).hasSize(1);
            return failures.get(0);
        });
    }

    private static MailRequested confirmation(String address, String confirmUrl) {
        return new MailRequested(
                UUID.randomUUID(),
                "signature-confirmation",
                "en",
                address,
                "Lawyers for Lawyers",
                Map.of("statementTitle", "Free the Xiamen defenders", "confirmUrl", confirmUrl));
    }

    private static void send(UUID statementId, MailRequested request) {
        TopicReader.send(
                Topics.MAIL_REQUESTS,
                request.requestId().toString(),
                Envelope.of(EventTypes.MAIL_REQUESTED, "/signatures", statementId, Instant.now(), request));
    }

    private static MimeMessage single(String address) {
        List<MimeMessage> mails = Mailbox.messagesTo(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }
}
