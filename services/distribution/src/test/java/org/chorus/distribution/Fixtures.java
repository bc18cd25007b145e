package org.chorus.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.Topics;
import org.chorus.events.TranslationUpdated;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Statements, signatories and contact lists as the other services and a coordinator would create them. */
public final class Fixtures {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final String HASH = "9f2c".repeat(16);

    private final Http http;
    private final JdbcClient jdbc;

    public Fixtures(Http http, JdbcClient jdbc) {
        this.http = http;
        this.jdbc = jdbc;
    }

    public record Person(String name, String email, String language, boolean accredited) {}

    /** A statement opened with two confirmed signatories, then published, as distribution has it. */
    public UUID publishedStatement(String title, String text, String language) {
        UUID statementId = openStatement(title, text, language);
        publish(statementId);
        return statementId;
    }

    /** Publishes the statement, as the statements service does, and waits until distribution knows. */
    public void publish(UUID statementId) {
        send(EventTypes.STATEMENT_PUBLISHED, statementId, new StatementPublished(statementId, 1, HASH));
        awaitStatus(statementId, "PUBLISHED");
    }

    public void awaitStatus(UUID statementId, String status) {
        Eventually.await(
                TIMEOUT,
                () -> assertThat(jdbc.sql("select status from statement_copy where id = ?")
                                .param(statementId)
                                .query(String.class)
                                .single())
                        .isEqualTo(status));
    }

    /** Opens a statement with two confirmed signatories and waits until distribution has both. */
    public UUID openStatement(String title, String text, String language) {
        UUID statementId = UUID.randomUUID();
        send(
                EventTypes.STATEMENT_OPENED,
                statementId,
                new StatementOpened(statementId, title, language, 1, text, HASH));
        Instant at = Instant.parse("2025-02-10T08:00:00Z");
        send(
                EventTypes.SIGNATURE_CONFIRMED,
                statementId,
                new SignatureConfirmed(
                        UUID.randomUUID(),
                        statementId,
                        SignatoryKind.ORGANISATION,
                        "Lawyers for Lawyers",
                        "NL",
                        null,
                        1,
                        HASH,
                        at));
        send(
                EventTypes.SIGNATURE_CONFIRMED,
                statementId,
                new SignatureConfirmed(
                        UUID.randomUUID(),
                        statementId,
                        SignatoryKind.ORGANISATION,
                        "FIDH",
                        null,
                        "within the framework of the Observatory",
                        1,
                        HASH,
                        at.plusSeconds(60)));
        Eventually.await(
                TIMEOUT,
                () -> assertThat(count("select count(*) from signatory where statement_id = ?", statementId))
                        .isEqualTo(2));
        return statementId;
    }

    /** A FINAL translation, as the statements service publishes it. */
    public void translate(UUID statementId, String language, String title, String text) {
        send(
                EventTypes.TRANSLATION_UPDATED,
                statementId,
                new TranslationUpdated(statementId, language, 1, "FINAL", title, text, HASH, false));
        Eventually.await(
                TIMEOUT,
                () -> assertThat(count(
                                "select count(*) from statement_translation where statement_id = ? and language = '"
                                        + language + "'",
                                statementId))
                        .isEqualTo(1));
    }

    public String list(List<Person> people) {
        String id = http.postJson("/api/contact-lists", Map.of("name", "List " + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        for (Person person : people) {
            Map<String, Object> contact = new HashMap<>();
            contact.put("name", person.name());
            contact.put("email", person.email());
            contact.put("language", person.language());
            contact.put("accredited", person.accredited());
            var added = http.postJson("/api/contact-lists/" + id + "/contacts", contact);
            assertThat(added.status()).isEqualTo(201);
        }
        return id;
    }

    public String release(UUID statementId, String listId) {
        var released = http.postJson("/api/releases", Map.of("statementId", statementId, "contactListId", listId));
        assertThat(released.status()).isEqualTo(201);
        return released.json().get("id").asString();
    }

    public void awaitSent(String releaseId, int sent) {
        Eventually.await(
                TIMEOUT,
                () -> assertThat(http.get("/api/releases/" + releaseId)
                                .json()
                                .at("/deliveries/sent")
                                .asInt())
                        .isEqualTo(sent));
    }

    public String contactId(String listId, String email) {
        for (var contact : http.get("/api/contact-lists/" + listId).json().get("contacts")) {
            if (contact.get("email").asString().equals(email)) {
                return contact.get("id").asString();
            }
        }
        throw new AssertionError("no contact " + email);
    }

    private int count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }

    public static <T> void send(org.chorus.events.EventType<T> type, UUID statementId, T data) {
        String source = type.topic().equals(Topics.STATEMENTS) ? "/statements" : "/signatures";
        TopicReader.send(
                type.topic(), statementId.toString(), Envelope.of(type, source, statementId, Instant.now(), data));
    }
}
