package org.chorus.distribution.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.distribution.MailProvider;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.MailDelivered;
import org.chorus.events.MailFailed;
import org.chorus.events.MailRequested;
import org.chorus.events.Topics;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class RedactionTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AddressKey key;

    @Autowired
    Redaction redaction;

    @Autowired
    MeterRegistry meters;

    record Row(
            String status,
            String recipientAddress,
            String recipientName,
            String body,
            String unsubscribeUrl,
            String addressHash) {}

    @Test
    void aSentMailKeepsItsLedgerRowButNotItsAddressBodyOrLinksFromTheMomentItLeft() {
        UUID statementId = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("invitee");
        MailRequested invitation = invitation(address);
        double before = meters.counter("chorus.mail.redacted").count();
        send(statementId, invitation);
        delivered(statementId);

        Row row = row(invitation.requestId());
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.recipientAddress()).isNull();
        assertThat(row.recipientName()).isNull();
        assertThat(row.body()).isNull();
        assertThat(row.unsubscribeUrl()).isNull();
        assertThat(row.addressHash())
                .isEqualTo(jdbc.sql("select address_hmac(?, ?, ?)")
                        .params(address, key.innerPad(), key.outerPad())
                        .query(String.class)
                        .single());
        assertThat(meters.counter("chorus.mail.redacted").count()).isGreaterThanOrEqualTo(before + 1);
        assertThat(Mailbox.body(Mailbox.messagesTo(address).get(0)))
                .as("the mail itself had its links")
                .contains("https://sign.example.org/sign/secret-invitation", "/unsubscribe/");
        redaction.redact();
        assertThat(row(invitation.requestId()))
                .as("a redacted row is not redacted again")
                .isEqualTo(row);
    }

    @Test
    void theHourlyPassEmptiesADoneRowThatStillHoldsMail() {
        UUID statementId = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("old-row");
        MailRequested invitation = invitation(address);
        send(statementId, invitation);
        delivered(statementId);
        // as a row sent before mail was emptied on sending
        jdbc.sql("""
                        update delivery set recipient_address = ?, body = 'https://sign.example.org/sign/old',
                                            mail_subject = 'old', redacted_at = null
                        where request_id = ?""").params(address, invitation.requestId()).update();

        assertThat(redaction.redact()).isPositive();

        Row row = row(invitation.requestId());
        assertThat(row.recipientAddress()).isNull();
        assertThat(row.body()).isNull();
        assertThat(row.addressHash()).isNotNull();
    }

    @Test
    void aHardBounceOfAMailThatLeftStillStopsLaterMailToItsAddress() {
        UUID statementId = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("late-bounce");
        MailRequested invitation = invitation(address);
        send(statementId, invitation);
        MailDelivered delivered = delivered(statementId);
        assertThat(row(invitation.requestId()).recipientAddress())
                .as("emptied on sending")
                .isNull();

        var elsewhere = MailProvider.report(
                new Http("http://localhost:" + port),
                Map.of("messageId", delivered.messageId(), "recipient", "someone-else@example.org", "hard", true));
        assertThat(elsewhere.status())
                .as("a bounce naming another address: no such mail")
                .isEqualTo(404);

        var bounce = MailProvider.report(
                new Http("http://localhost:" + port),
                Map.of(
                        "messageId",
                        delivered.messageId(),
                        "recipient",
                        address,
                        "hard",
                        true,
                        "reason",
                        "550 5.1.1 user unknown"));
        assertThat(bounce.status()).isEqualTo(202);
        Eventually.await(
                TIMEOUT,
                () -> assertThat(jdbc.sql("""
                                select count(*) from request_suppression where address_hash = address_hmac(?, ?, ?)""")
                                .params(address, key.innerPad(), key.outerPad())
                                .query(Integer.class)
                                .single())
                        .isOne());

        MailRequested later = invitation(address);
        send(statementId, later);
        Eventually.await(
                TIMEOUT,
                () -> assertThat(
                                TopicReader.awaitEvents(
                                                Topics.DISTRIBUTION,
                                                EventTypes.MAIL_FAILED.name(),
                                                statementId,
                                                TIMEOUT)
                                        .stream()
                                        .map(event -> (MailFailed) event.data())
                                        .filter(failed -> failed.requestId().equals(later.requestId())))
                        .singleElement()
                        .extracting(MailFailed::reason)
                        .isEqualTo("suppressed: bounced"));
        assertThat(Mailbox.messagesTo(address)).hasSize(1);
    }

    private Row row(UUID requestId) {
        return jdbc.sql("""
                        select status, recipient_address, recipient_name, body, unsubscribe_url, address_hash
                        from delivery where request_id = ?""").param(requestId).query(Row.class).single();
    }

    private static MailDelivered delivered(UUID statementId) {
        List<Envelope<?>> events =
                TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.MAIL_DELIVERED.name(), statementId, TIMEOUT);
        return (MailDelivered) events.get(0).data();
    }

    private static MailRequested invitation(String address) {
        return new MailRequested(
                UUID.randomUUID(),
                "invitation",
                "en",
                address,
                "Quiet Union",
                Map.of(
                        "statementTitle", "Free the Xiamen defenders",
                        "organisation", "Quiet Union",
                        "signUrl", "https://sign.example.org/sign/secret-invitation",
                        "declineUrl", "https://sign.example.org/decline/secret-invitation",
                        "deadline", "2030-01-01T00:00:00Z"));
    }

    private static void send(UUID statementId, MailRequested request) {
        TopicReader.send(
                Topics.MAIL_REQUESTS,
                request.requestId().toString(),
                Envelope.of(
                        EventTypes.MAIL_REQUESTED_V2,
                        "/signatures",
                        statementId,
                        Instant.now(),
                        DevelopmentKeys.mailSealer().seal(statementId, request)));
    }
}
