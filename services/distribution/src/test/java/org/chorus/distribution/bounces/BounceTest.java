package org.chorus.distribution.bounces;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.chorus.distribution.AddressKey;
import org.chorus.distribution.Fixtures;
import org.chorus.distribution.MailProvider;
import org.chorus.events.EventTypes;
import org.chorus.events.MailBounced;
import org.chorus.events.MailDelivered;
import org.chorus.events.Topics;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class BounceTest {
    private static final String BOUNCE_MAILBOX = "bounces@localhost";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AddressKey key;

    @Autowired
    BounceMailbox bounceMailbox;

    Http http;
    Fixtures fixtures;

    @BeforeEach
    void client() {
        http = new Http("http://localhost:" + port);
        fixtures = new Fixtures(http, jdbc);
        RealInfrastructure.get().mail().setUser(BOUNCE_MAILBOX, BOUNCE_MAILBOX, "bounces");
    }

    @Test
    void aHardBounceReadOverImapSuppressesTheContactForTheNextRelease() throws Exception {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String gone = Mailbox.uniqueAddress("gone");
        String staying = Mailbox.uniqueAddress("staying");
        String listId = fixtures.list(List.of(
                new Fixtures.Person("Gone Reporter", gone, "en", false),
                new Fixtures.Person("Staying Reporter", staying, "en", false)));
        String releaseId = fixtures.release(statementId, listId);
        fixtures.awaitSent(releaseId, 2);
        String messageId = Mailbox.header(Mailbox.messagesTo(gone).get(0), "Message-ID");
        String goneId = fixtures.contactId(listId, gone);
        String stayingId = fixtures.contactId(listId, staying);
        List<MailDelivered> delivered = Eventually.await(Fixtures.TIMEOUT, () -> {
            var events = TopicReader.awaitEvents(
                            Topics.DISTRIBUTION, EventTypes.MAIL_DELIVERED.name(), statementId, Fixtures.TIMEOUT)
                    .stream()
                    .map(event -> (MailDelivered) event.data())
                    .toList();
            assertThat(events).hasSize(2);
            return events;
        });
        assertThat(delivered).allSatisfy(event -> {
            assertThat(event.requestId()).isNull();
            assertThat(event.template()).isEqualTo("release");
            assertThat(event.releaseId().toString()).isEqualTo(releaseId);
        });
        assertThat(delivered)
                .extracting(event -> event.contactId().toString())
                .containsExactlyInAnyOrder(goneId, stayingId);
        assertThat(delivered)
                .filteredOn(event -> event.contactId().toString().equals(goneId))
                .extracting(MailDelivered::messageId)
                .containsExactly(messageId);

        deliverStatusNotification(gone, messageId, "5.1.1", "550 5.1.1 <" + gone + ">: user unknown");
        Eventually.await(Fixtures.TIMEOUT, () -> {
            pollBounces();
            assertThat(jdbc.sql("select count(*) from suppression where address_hash = address_hmac(?, ?, ?)")
                            .params(gone, key.innerPad(), key.outerPad())
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
        });
        assertThat(jdbc.sql("select status, last_error from delivery where message_id = ?")
                        .param(messageId)
                        .query((rs, row) -> rs.getString(1) + " " + rs.getString(2))
                        .single())
                .startsWith("BOUNCED hard bounce: 550 5.1.1")
                .doesNotContain(gone);

        var bounced = TopicReader.awaitEvents(
                Topics.DISTRIBUTION, EventTypes.MAIL_BOUNCED.name(), statementId, Fixtures.TIMEOUT);
        assertThat(bounced).hasSize(1);
        MailBounced bounce = (MailBounced) bounced.get(0).data();
        assertThat(bounce.hard()).isTrue();
        assertThat(bounce.requestId()).isNull();
        assertThat(bounce.releaseId().toString()).isEqualTo(releaseId);
        assertThat(bounce.contactId().toString()).isEqualTo(goneId);
        assertThat(bounced.get(0).toString()).doesNotContain(gone);

        var next = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(next.json().get("recipients").asInt()).isEqualTo(1);
        fixtures.awaitSent(next.json().get("id").asString(), 1);
        assertThat(Mailbox.messagesTo(gone)).hasSize(1);
        assertThat(Mailbox.messagesTo(staying)).hasSize(2);
    }

    @Test
    void aProviderPostsBouncesAndThreeSoftBouncesSuppressTheAddress() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String full = Mailbox.uniqueAddress("full-mailbox");
        String listId = fixtures.list(List.of(new Fixtures.Person("Full Mailbox", full, "en", false)));
        fixtures.awaitSent(fixtures.release(statementId, listId), 1);
        String messageId = Mailbox.header(Mailbox.messagesTo(full).get(0), "Message-ID");

        for (int day = 1; day <= 2; day++) {
            var soft = MailProvider.report(
                    http,
                    Map.of(
                            "messageId",
                            messageId,
                            "recipient",
                            full,
                            "hard",
                            false,
                            "reason",
                            "452 4.2.2 mailbox full, day " + day));
            assertThat(soft.status()).isEqualTo(202);
            assertThat(soft.json().get("outcome").asString()).isEqualTo("APPLIED");
        }
        var again = MailProvider.report(
                http,
                Map.of(
                        "messageId",
                        messageId,
                        "recipient",
                        full,
                        "hard",
                        false,
                        "reason",
                        "452 4.2.2 mailbox full, day 2"));
        assertThat(again.json().get("outcome").asString()).isEqualTo("ALREADY_APPLIED");
        var third = MailProvider.report(
                http,
                Map.of(
                        "messageId",
                        messageId,
                        "recipient",
                        full,
                        "hard",
                        false,
                        "reason",
                        "452 4.2.2 mailbox full, day 3"));
        assertThat(third.json().get("outcome").asString()).isEqualTo("SUPPRESSED");

        var none = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("detail").asString()).contains("no contacts that may be mailed");

        var unknown = MailProvider.report(
                http, Map.of("messageId", "<" + UUID.randomUUID() + "@chorus>", "recipient", full, "hard", true));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        var missing = MailProvider.report(http, Map.of("messageId", messageId, "recipient", full));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("hard");
    }

    @Test
    void aBounceReportWithoutTheProvidersSignatureSuppressesNobody() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String reporter = Mailbox.uniqueAddress("still-reading");
        String listId = fixtures.list(List.of(new Fixtures.Person("Still Reading", reporter, "en", false)));
        fixtures.awaitSent(fixtures.release(statementId, listId), 1);
        String messageId = Mailbox.header(Mailbox.messagesTo(reporter).get(0), "Message-ID");
        Map<String, Object> hard = Map.of("messageId", messageId, "recipient", reporter, "hard", true);
        byte[] guessed = "a-secret-somebody-guessed-at-32-bytes-long".getBytes(StandardCharsets.UTF_8);

        List<Http.Response> refused = List.of(
                http.postJson("/api/bounces", hard),
                http.withHeader("Authorization", "Bearer a-coordinator-token").postJson("/api/bounces", hard),
                MailProvider.report(http, "dev", guessed, Instant.now(), hard),
                MailProvider.report(http, "elsewhere", MailProvider.DEV_SECRET, Instant.now(), hard),
                MailProvider.report(
                        http, "dev", MailProvider.DEV_SECRET, Instant.now().minusSeconds(3600), hard),
                http.withHeader("X-Chorus-Provider", "dev")
                        .withHeader(
                                "X-Chorus-Timestamp",
                                Long.toString(Instant.now().getEpochSecond()))
                        .withHeader(
                                "X-Chorus-Signature",
                                "sha256="
                                        + MailProvider.sign(
                                                MailProvider.DEV_SECRET,
                                                Long.toString(Instant.now().getEpochSecond()),
                                                "{\"messageId\":\"<other@chorus>\"}"))
                        .postJson("/api/bounces", hard));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        });
        assertThat(suppressed(reporter)).isZero();
        assertThat(status(messageId)).isEqualTo("SENT");
        var next = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(next.json().get("recipients").asInt()).isEqualTo(1);
    }

    @Test
    void aSignedBounceForAnotherAddressThanTheMailWentToSuppressesNobody() {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String reporter = Mailbox.uniqueAddress("reporter");
        String victim = Mailbox.uniqueAddress("victim");
        String listId = fixtures.list(List.of(new Fixtures.Person("Reporter", reporter, "en", false)));
        fixtures.awaitSent(fixtures.release(statementId, listId), 1);
        String messageId = Mailbox.header(Mailbox.messagesTo(reporter).get(0), "Message-ID");

        var answer = MailProvider.report(http, Map.of("messageId", messageId, "recipient", victim, "hard", true));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(suppressed(reporter)).isZero();
        assertThat(suppressed(victim)).isZero();
        assertThat(status(messageId)).isEqualTo("SENT");
    }

    private int suppressed(String address) {
        return jdbc.sql("select count(*) from suppression where address_hash = address_hmac(?, ?, ?)")
                .params(address, key.innerPad(), key.outerPad())
                .query(Integer.class)
                .single();
    }

    private String status(String messageId) {
        return jdbc.sql("select status from delivery where message_id = ?")
                .param(messageId)
                .query(String.class)
                .single();
    }

    @Test
    void aJournalistWhoUsesTheMailtoUnsubscribeIsUnsubscribed() throws Exception {
        UUID statementId = fixtures.publishedStatement("Free the defenders", "We urge their release.", "en");
        String journalist = Mailbox.uniqueAddress("mailto-user");
        String listId = fixtures.list(List.of(new Fixtures.Person("Mail Client User", journalist, "en", false)));
        fixtures.awaitSent(fixtures.release(statementId, listId), 1);
        String header = Mailbox.header(Mailbox.messagesTo(journalist).get(0), "List-Unsubscribe");
        String mailto = header.substring(header.indexOf("<mailto:") + 8, header.lastIndexOf('>'));
        String to = mailto.substring(0, mailto.indexOf('?'));
        String subject =
                java.net.URLDecoder.decode(mailto.substring(mailto.indexOf("subject=") + 8), StandardCharsets.UTF_8);
        assertThat(to).isEqualTo(BOUNCE_MAILBOX);

        MimeMessage request = new MimeMessage(smtpSession());
        request.setFrom(new InternetAddress(journalist));
        request.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        request.setSubject(subject);
        request.setText("");
        Transport.send(request);

        Eventually.await(Fixtures.TIMEOUT, () -> {
            pollBounces();
            assertThat(jdbc.sql("select unsubscribed_at is not null from contact where email = ?")
                            .param(journalist)
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        });
        var next = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(next.status()).isEqualTo(422);
    }

    private static Session smtpSession() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(RealInfrastructure.get().smtpPort()));
        return Session.getInstance(properties);
    }

    private void pollBounces() {
        try {
            bounceMailbox.pollNow();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    /** A DSN (RFC 3464) as a receiving MTA returns it: human text, delivery status, the original headers. */
    private static void deliverStatusNotification(String recipient, String messageId, String status, String diagnostic)
            throws Exception {
        MimeMessage dsn = new MimeMessage(smtpSession());
        dsn.setFrom(new InternetAddress("mailer-daemon@mx.example.net"));
        dsn.setRecipient(Message.RecipientType.TO, new InternetAddress(BOUNCE_MAILBOX));
        dsn.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered to one or more recipients.", "UTF-8");
        report.addBodyPart(human);
        report.addBodyPart(part(
                "message/delivery-status",
                "Reporting-MTA: dns; mx.example.net\r\n\r\nFinal-Recipient: rfc822; " + recipient
                        + "\r\nAction: failed\r\nStatus: " + status + "\r\nDiagnostic-Code: smtp; " + diagnostic
                        + "\r\n"));
        report.addBodyPart(part(
                "text/rfc822-headers",
                "From: chorus@localhost\r\nTo: " + recipient + "\r\nSubject: Free the defenders\r\nMessage-ID: "
                        + messageId + "\r\n"));
        dsn.setContent(report);
        Transport.send(dsn);
    }

    private static MimeBodyPart part(String type, String content) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(
                new DataHandler(new ByteArrayDataSource(content.getBytes(StandardCharsets.US_ASCII), type)));
        part.setHeader("Content-Type", type);
        return part;
    }
}
