package org.chorus.signatures.signon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.chorus.events.Envelope;
import org.chorus.events.EventTypes;
import org.chorus.events.StatementOpened;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.TopicReader;

/** Opens statements for signature the way the statements service does: with an event on chorus.statements. */
final class Statements {
    static final String HASH = "a".repeat(64);
    static final Duration WAIT = Duration.ofSeconds(20);

    static UUID open(Http signatures, String title, String language, String text) {
        UUID id = UUID.randomUUID();
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

    private Statements() {}
}
