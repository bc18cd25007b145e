package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.InvitationCreated;
import org.chorus.events.MailRequested;
import org.chorus.events.ScheduleSet;
import org.chorus.events.SealedInvitationCreated;
import org.chorus.events.SealedMailRequested;
import org.chorus.events.SealedSignatureConfirmed;
import org.chorus.events.SealedSignatureCorrected;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureSubmittedV2;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementRevised;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.Topics;
import org.chorus.events.TranslationUpdated;
import org.chorus.platform.sealing.DevelopmentKeys;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Opens, revises and publishes statements the way the statements service does (events on chorus.statements), and
 * signs them the way signers do (the public form, then the link in the mail request).
 */
public final class Statements {
    public static final String HASH = "a".repeat(64);
    public static final Duration WAIT = Duration.ofSeconds(20);

    public static UUID open(Http signatures, String title, String language, String text) {
        return open(signatures, UUID.randomUUID(), title, language, text);
    }

    /** Opens a statement this service may already have heard of (a draft that imports waited for). */
    public static UUID open(Http signatures, UUID id, String title, String language, String text) {
        TopicReader.send(
                Topics.STATEMENTS,
                id.toString(),
                Envelope.of(
                        EventTypes.STATEMENT_OPENED,
                        "/statements",
                        id,
                        Instant.now(),
                        new StatementOpened(id, title, language, 1, text, HASH)));
        Eventually.await(
                WAIT, () -> assertThat(signatures.get("/sign/" + id).status()).isEqualTo(200));
        return id;
    }

    public static void revise(UUID id, int revision, String title, String text, String hash, boolean material) {
        TopicReader.send(
                Topics.STATEMENTS,
                id.toString(),
                Envelope.of(
                        EventTypes.STATEMENT_REVISED,
                        "/statements",
                        id,
                        Instant.now(),
                        new StatementRevised(id, revision, title, text, hash, material)));
    }

    /** Saves a translation as the statements service announces it. */
    public static void translate(
            UUID id,
            String language,
            int sourceRevision,
            String status,
            String title,
            String text,
            String hash,
            boolean stale) {
        lifecycle(
                id,
                EventTypes.TRANSLATION_UPDATED,
                new TranslationUpdated(id, language, sourceRevision, status, title, text, hash, stale));
    }

    /** Sets the deadline (and the time zone its dates are written in) as the statements service does. */
    public static void deadline(UUID id, Instant deadline, String timeZone) {
        lifecycle(id, EventTypes.SCHEDULE_SET, new ScheduleSet(id, deadline, null, null, timeZone));
    }

    public static void publish(UUID id, int revision, String hash) {
        TopicReader.send(
                Topics.STATEMENTS,
                id.toString(),
                Envelope.of(
                        EventTypes.STATEMENT_PUBLISHED,
                        "/statements",
                        id,
                        Instant.now(),
                        new StatementPublished(id, revision, hash)));
    }

    /** Closes sign-on as the statements service does, naming the moment it ended. */
    public static void close(UUID id, Instant signOnEndedAt) {
        lifecycle(id, EventTypes.STATEMENT_CLOSED, new StatementClosed(id, 1, HASH, signOnEndedAt));
    }

    /** Withdraws the statement as the statements service does, naming the moment sign-on ended. */
    public static void withdraw(UUID id, Instant signOnEndedAt) {
        lifecycle(
                id,
                EventTypes.STATEMENT_WITHDRAWN,
                new StatementWithdrawn(id, "A signatory was put at risk.", signOnEndedAt));
    }

    private static <T> void lifecycle(UUID id, org.chorus.events.EventType<T> type, T data) {
        TopicReader.send(Topics.STATEMENTS, id.toString(), Envelope.of(type, "/statements", id, Instant.now(), data));
    }

    /** The organisation form as a browser sends it; the contact person is "Contact for" the organisation. */
    public static Map<String, String> organisation(String name, String country, String email) {
        Map<String, String> form = new HashMap<>();
        form.put("name", name);
        form.put("country", country);
        form.put("qualifier", "");
        form.put("contactName", "Contact for " + name);
        form.put("email", email);
        form.put("authorised", "true");
        form.put("revisionHash", HASH);
        form.put("website", "");
        return form;
    }

    /** Submits the form, follows the confirmation link mailed to {@code email}, and returns that personal link. */
    public static String signAndConfirm(Http http, UUID statementId, Map<String, String> form) {
        assertThat(http.postForm("/sign/" + statementId, form).status()).isEqualTo(303);
        String confirmUrl = mailTo(statementId, "signature-confirmation", form.get("email"))
                .variables()
                .get("confirmUrl");
        assertThat(http.postForm(confirmUrl, Map.of()).status()).isEqualTo(200);
        return confirmUrl;
    }

    /**
     * Signs again with an address that signed before: waits for a confirmation mail requested after the one behind
     * {@code previousConfirmUrl} (mail requests are keyed by request id, so two requests may sit in different
     * partitions and arrive in either order) and follows the newest.
     */
    public static String signAndConfirmAgain(
            Http http, UUID statementId, Map<String, String> form, String previousConfirmUrl) {
        assertThat(http.postForm("/sign/" + statementId, form).status()).isEqualTo(303);
        String confirmUrl = Eventually.await(WAIT, () -> {
            List<String> urls = mailsTo(statementId, "signature-confirmation", form.get("email"))
                    .map(request -> request.variables().get("confirmUrl"))
                    .toList();
            List<String> later = urls.subList(urls.indexOf(previousConfirmUrl) + 1, urls.size());
            assertThat(later)
                    .as("confirmation mails requested after the previous one")
                    .isNotEmpty();
            return later.get(later.size() - 1);
        });
        assertThat(http.postForm(confirmUrl, Map.of()).status()).isEqualTo(200);
        return confirmUrl;
    }

    /** The latest mail of this template to this address (by the time it was requested). */
    public static MailRequested mailTo(UUID statementId, String template, String address) {
        return Eventually.await(
                WAIT,
                () -> mailsTo(statementId, template, address)
                        .reduce((first, second) -> second)
                        .orElseThrow(() -> new AssertionError("no " + template + " mail to " + address)));
    }

    /** The template of every mail requested about the statement so far, oldest first. */
    public static List<String> templatesMailed(UUID statementId) {
        return TopicReader.awaitEvents(Topics.MAIL_REQUESTS, EventTypes.MAIL_REQUESTED_V2.name(), statementId, WAIT)
                .stream()
                .sorted(Comparator.comparing(Envelope::time))
                .map(envelope -> DevelopmentKeys.mailOpener()
                        .open(envelope.subject(), (SealedMailRequested) envelope.data())
                        .template())
                .toList();
    }

    private static Stream<MailRequested> mailsTo(UUID statementId, String template, String address) {
        return TopicReader.awaitEvents(Topics.MAIL_REQUESTS, EventTypes.MAIL_REQUESTED_V2.name(), statementId, WAIT)
                .stream()
                .sorted(Comparator.comparing(Envelope::time))
                .map(envelope ->
                        DevelopmentKeys.mailOpener().open(envelope.subject(), (SealedMailRequested) envelope.data()))
                .filter(request -> request.template().equals(template)
                        && request.recipientAddress().equals(address));
    }

    /** A mailed link followed by a path of its own (a manage link's withdrawal), its query ({@code lang}) kept. */
    public static String below(String link, String path) {
        return UriComponentsBuilder.fromUriString(link).path(path).build().toUriString();
    }

    /** The invitation token in a mailed sign or decline link. */
    public static String invitationToken(String link) {
        return UriComponentsBuilder.fromUriString(link).build().getQueryParams().getFirst("invitation");
    }

    /** A mailed link as the page's language switch rewrites it. */
    public static String inLanguage(String link, String language) {
        return UriComponentsBuilder.fromUriString(link)
                .replaceQueryParam("lang", language)
                .build()
                .toUriString();
    }

    /** The statement's confirmations on the topic, names opened as distribution opens them. */
    public static List<SignatureConfirmed> confirmations(UUID statementId) {
        return TopicReader.awaitEvents(Topics.SIGNATURES, EventTypes.SIGNATURE_CONFIRMED_V2.name(), statementId, WAIT)
                .stream()
                .map(envelope -> DevelopmentKeys.signatoryOpener().open((SealedSignatureConfirmed) envelope.data()))
                .toList();
    }

    /** The statement's corrections on the topic, names opened as distribution opens them. */
    public static List<SignatureCorrected> corrections(UUID statementId) {
        return TopicReader.awaitEvents(Topics.SIGNATURES, EventTypes.SIGNATURE_CORRECTED_V2.name(), statementId, WAIT)
                .stream()
                .map(envelope -> DevelopmentKeys.signatoryOpener().open((SealedSignatureCorrected) envelope.data()))
                .toList();
    }

    public static List<SignatureSubmittedV2> submissions(UUID statementId) {
        return TopicReader.awaitEvents(Topics.SIGNATURES, EventTypes.SIGNATURE_SUBMITTED_V2.name(), statementId, WAIT)
                .stream()
                .map(envelope -> (SignatureSubmittedV2) envelope.data())
                .toList();
    }

    /** The statement's invitations on the topic, invitees opened as tracking opens them. */
    public static List<InvitationCreated> invitationsCreated(UUID statementId) {
        return TopicReader.awaitEvents(Topics.SIGNATURES, EventTypes.INVITATION_CREATED_V2.name(), statementId, WAIT)
                .stream()
                .map(envelope -> DevelopmentKeys.inviteeOpener().open((SealedInvitationCreated) envelope.data()))
                .toList();
    }

    /** The text of every page of the PDF at {@code url}. */
    public static String pdfText(String url) {
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            var reader = new com.lowagie.text.pdf.PdfReader(response.body());
            var extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            reader.close();
            return text.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Statements() {}
}
