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
import org.chorus.distribution.Mailbox;
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
    void aSentMailKeepsItsLedgerRowButNotItsAddressBodyOrLinksOnceTheBounceWindowHasPassed() {
        UUID statementId = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("invitee");
        MailRequested invitation = invitation(address);
        send(statementId, invitation);
        delivered(statementId);
        double before = meters.counter("chorus.mail.redacted").count();

        redaction.redact(Instant.now().plus(Duration.ofDays(13)));
        Row kept = row(invitation.requestId());
        assertThat(kept.recipientAddress()).as("inside the bounce window").isEqualTo(address);
        assertThat(kept.body()).contains("https://sign.example.org/sign/secret-invitation");
        assertThat(kept.unsubscribeUrl()).contains("/unsubscribe/");

        int redacted = redaction.redact(Instant.now().plus(Duration.ofDays(15)));
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
        assertThat(redacted).isPositive();
        assertThat(meters.counter("chorus.mail.redacted").count()).isGreaterThanOrEqualTo(before + 1);
        assertThat(redaction.redact(Instant.now().plus(Duration.ofDays(15))))
                .as("a redacted row is not redacted again")
                .isZero();
    }

    @Test
    void aHardBounceArrivingAfterRedactionStillStopsLaterMailToTheAddress() {
        UUID statementId = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("late-bounce");
        MailRequested invitation = invitation(address);
        send(statementId, invitation);
        MailDelivered delivered = delivered(statementId);
        redaction.redact(Instant.now().plus(Duration.ofDays(15)));

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
