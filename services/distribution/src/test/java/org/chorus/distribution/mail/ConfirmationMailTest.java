package org.chorus.distribution.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.subtle.X25519;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.MailDelivered;
import org.chorus.events.MailFailed;
import org.chorus.events.MailRequested;
import org.chorus.events.SealedMailRequested;
import org.chorus.events.Topics;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.platform.sealing.MailSealer;
import org.chorus.platform.sealing.Sealer;
import org.chorus.testsupport.ChorusServiceTest;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Mailbox;
import org.chorus.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ChorusServiceTest
class ConfirmationMailTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSignerReceivesTheirConfirmationLinkOnceAndTheRequesterHearsItWasDelivered() {
        UUID statementId = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("signer");
        MailRequested request = confirmation(address, "en", "https://sign.example.org/confirm/abc123");

        TopicReader.send(Topics.MAIL_REQUESTS, request.requestId().toString(), sealed(statementId, request));

        List<Envelope<?>> delivered =
                TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.MAIL_DELIVERED.name(), statementId, TIMEOUT);
        assertThat(delivered).hasSize(1);
        var event = (MailDelivered) delivered.get(0).data();
        assertThat(event.requestId()).isEqualTo(request.requestId());
        assertThat(event.template()).isEqualTo("signature-confirmation");
        assertThat(event.messageId()).isEqualTo("<" + request.requestId() + "@chorus>");
        assertThat(delivered.get(0).source()).isEqualTo("/distribution");

        List<MimeMessage> mails = Mailbox.messagesTo(address);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(Mailbox.subject(mail)).isEqualTo("Please confirm your signature: Free the Xiamen defenders");
        assertThat(Mailbox.header(mail, "Message-ID")).isEqualTo(event.messageId());
        assertThat(Mailbox.header(mail, "Content-Type")).contains("text/plain").containsIgnoringCase("utf-8");
        String body = Mailbox.body(mail);
        assertThat(body).startsWith("Dear Lawyers for Lawyers,");
        assertThat(body.lines()).contains("https://sign.example.org/confirm/abc123");
        assertThat(body).contains("If you did not sign this statement, you can ignore this mail");
    }

    @Test
    void theSameRequestDeliveredTwiceOrRepeatedUnderANewEventStillSendsOneMail() {
        UUID statementId = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("twice");
        MailRequested request = confirmation(address, "en", "https://sign.example.org/confirm/twice");
        Envelope<MailRequested> envelope = requested(statementId, request);
        String key = request.requestId().toString();

        TopicReader.send(Topics.MAIL_REQUESTS, key, envelope);
        TopicReader.send(Topics.MAIL_REQUESTS, key, envelope);
        TopicReader.send(Topics.MAIL_REQUESTS, key, requested(statementId, request));
        UUID markerStatement = UUID.randomUUID();
        TopicReader.send(
                Topics.MAIL_REQUESTS,
                key,
                requested(
                        markerStatement,
                        confirmation(Mailbox.uniqueAddress("marker"), "en", "https://sign.example.org/m")));

        TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.MAIL_DELIVERED.name(), markerStatement, TIMEOUT);
        assertThat(Mailbox.messagesTo(address)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from delivery where request_id = ?")
                        .param(request.requestId())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(TopicReader.awaitEvents(Topics.DISTRIBUTION, EventTypes.MAIL_DELIVERED.name(), statementId, TIMEOUT))
                .hasSize(1);
    }

    @Test
    void aFrenchSignerGetsTheFrenchMailAndAnUntranslatedLanguageFallsBackToEnglish() {
        String french = Mailbox.uniqueAddress("francophone");
        String swahili = Mailbox.uniqueAddress("swahili");
        MailRequested inFrench = confirmation(french, "fr", "https://sign.example.org/confirm/fr");
        MailRequested inSwahili = confirmation(swahili, "sw", "https://sign.example.org/confirm/sw");

        TopicReader.send(Topics.MAIL_REQUESTS, "fr", requested(UUID.randomUUID(), inFrench));
        TopicReader.send(Topics.MAIL_REQUESTS, "sw", requested(UUID.randomUUID(), inSwahili));

        MimeMessage mail = Eventually.await(TIMEOUT, () -> single(french));
        assertThat(Mailbox.subject(mail)).isEqualTo("Merci de confirmer votre signature : Free the Xiamen defenders");
        assertThat(Mailbox.body(mail))
                .startsWith("Bonjour Lawyers for Lawyers,")
                .contains("\nhttps://sign.example.org/confirm/fr\n")
                .contains("vous pouvez ignorer ce message");

        MimeMessage fallback = Eventually.await(TIMEOUT, () -> single(swahili));
        assertThat(Mailbox.subject(fallback)).startsWith("Please confirm your signature:");
    }

    @Test
    void anArabicSignerGetsTheArabicMail() {
        String address = Mailbox.uniqueAddress("arabic");
        MailRequested request = confirmation(address, "ar", "https://sign.example.org/confirm/ar");

        TopicReader.send(Topics.MAIL_REQUESTS, "ar", requested(UUID.randomUUID(), request));

        MimeMessage mail = Eventually.await(TIMEOUT, () -> single(address));
        assertThat(Mailbox.subject(mail)).isEqualTo("يرجى تأكيد توقيعك: Free the Xiamen defenders");
        assertThat(Mailbox.body(mail).lines()).contains("https://sign.example.org/confirm/ar");
    }

    @Test
    void aRequestForAnUnknownTemplateOrAnUnusableAddressIsReportedAsFailedForGood() {
        UUID unknownTemplateStatement = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("no-template");
        MailRequested unknownTemplate = new MailRequested(
                UUID.randomUUID(), "no-such-template", "en", address, "Someone", Map.of("confirmUrl", "x"));
        UUID badAddressStatement = UUID.randomUUID();
        MailRequested badAddress = confirmation("not an address", "en", "https://sign.example.org/confirm/bad");

        TopicReader.send(Topics.MAIL_REQUESTS, "t", requested(unknownTemplateStatement, unknownTemplate));
        TopicReader.send(Topics.MAIL_REQUESTS, "a", requested(badAddressStatement, badAddress));

        var templateFailure = (MailFailed) TopicReader.awaitEvents(
                        Topics.DISTRIBUTION, EventTypes.MAIL_FAILED.name(), unknownTemplateStatement, TIMEOUT)
                .get(0)
                .data();
        assertThat(templateFailure.requestId()).isEqualTo(unknownTemplate.requestId());
        assertThat(templateFailure.permanent()).isTrue();
        assertThat(templateFailure.reason()).contains("unknown template");

        var addressFailure = (MailFailed) TopicReader.awaitEvents(
                        Topics.DISTRIBUTION, EventTypes.MAIL_FAILED.name(), badAddressStatement, TIMEOUT)
                .get(0)
                .data();
        assertThat(addressFailure.requestId()).isEqualTo(badAddress.requestId());
        assertThat(addressFailure.permanent()).isTrue();
        assertThat(status(badAddress.requestId())).isEqualTo("FAILED");
        assertThat(Mailbox.messagesTo(address)).isEmpty();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndLaterRequestsAreStillDelivered() {
        String poison = "not json " + UUID.randomUUID();
        String address = Mailbox.uniqueAddress("after-poison");
        MailRequested request = confirmation(address, "en", "https://sign.example.org/confirm/after");

        TopicReader.send(Topics.MAIL_REQUESTS, "poison", poison);
        TopicReader.send(Topics.MAIL_REQUESTS, "poison", requested(UUID.randomUUID(), request));

        assertThat(TopicReader.awaitValues(Topics.deadLetter(Topics.MAIL_REQUESTS), poison::equals, TIMEOUT))
                .containsExactly(poison);
        MimeMessage mail = Eventually.await(TIMEOUT, () -> single(address));
        assertThat(Mailbox.body(mail)).contains("https://sign.example.org/confirm/after");
    }

    @Test
    void aRequestThatDoesNotOpenWithDistributionsKeysIsSetAsideAndTheNextIsStillDelivered() {
        UUID statementId = UUID.randomUUID();
        String address = Mailbox.uniqueAddress("foreign-key");
        byte[] strangersKey = X25519.generatePrivateKey();
        MailSealer stranger;
        try {
            stranger = new MailSealer(new Sealer("dev1", X25519.publicFromPrivate(strangersKey)));
        } catch (java.security.InvalidKeyException e) {
            throw new AssertionError(e);
        }
        Envelope<SealedMailRequested> foreign = Envelope.of(
                EventTypes.MAIL_REQUESTED_V2,
                "/signatures",
                statementId,
                Instant.now(),
                stranger.seal(statementId, confirmation(address, "en", "https://sign.example.org/confirm/foreign")));
        String after = Mailbox.uniqueAddress("after-foreign-key");

        TopicReader.send(Topics.MAIL_REQUESTS, "foreign", foreign);
        TopicReader.send(
                Topics.MAIL_REQUESTS,
                "foreign",
                sealed(UUID.randomUUID(), confirmation(after, "en", "https://sign.example.org/confirm/after-foreign")));

        assertThat(TopicReader.awaitValues(
                        Topics.deadLetter(Topics.MAIL_REQUESTS),
                        value -> value.contains(foreign.id().toString()),
                        TIMEOUT))
                .hasSize(1);
        MimeMessage mail = Eventually.await(TIMEOUT, () -> single(after));
        assertThat(Mailbox.body(mail)).contains("https://sign.example.org/confirm/after-foreign");
        assertThat(Mailbox.messagesTo(address)).isEmpty();
    }

    private String status(UUID requestId) {
        return jdbc.sql("select status from delivery where request_id = ?")
                .param(requestId)
                .query(String.class)
                .single();
    }

    private static MimeMessage single(String address) {
        List<MimeMessage> mails = Mailbox.messagesTo(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static MailRequested confirmation(String address, String language, String confirmUrl) {
        return new MailRequested(
                UUID.randomUUID(),
                "signature-confirmation",
                language,
                address,
                "Lawyers for Lawyers",
                Map.of("statementTitle", "Free the Xiamen defenders", "confirmUrl", confirmUrl));
    }

    private static Envelope<SealedMailRequested> sealed(UUID statementId, MailRequested request) {
        return Envelope.of(
                EventTypes.MAIL_REQUESTED_V2,
                "/signatures",
                statementId,
                Instant.now(),
                DevelopmentKeys.mailSealer().seal(statementId, request));
    }

    /** A request as producers wrote it before v2 (plaintext): still read during the migration. */
    private static Envelope<MailRequested> requested(UUID statementId, MailRequested request) {
        return Envelope.of(EventTypes.MAIL_REQUESTED, "/signatures", statementId, Instant.now(), request);
    }
}
