package org.chorus.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.chorus.events.Envelope;
import org.chorus.events.EventType;
import org.chorus.events.EventTypes;
import org.chorus.events.SignOnEnd;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementWithdrawn;
import org.chorus.events.Topics;
import org.chorus.testsupport.Eventually;
import org.chorus.testsupport.Http;
import org.chorus.testsupport.Infrastructure;
import org.chorus.testsupport.RealInfrastructure;
import org.chorus.testsupport.TopicReader;

/**
 * Random histories of one statement (confirmations, signers withdrawing, close, publication, withdrawal), their events
 * delivered to tracking and distribution in a random order: afterwards the count, the public counter and the release
 * preview hold exactly the signatures confirmed before sign-on ended and not withdrawn.
 */
class SignOnEndPropertyTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String HASH = "e".repeat(64);
    private static Http statements;
    private static Http tracking;
    private static Http distribution;
    private static String contactId;

    @BeforeContainer
    static void thePlatformAndAPressContact() {
        statements = TestPlatform.statements();
        tracking = TestPlatform.tracking();
        distribution = TestPlatform.distribution();
        String listId = distribution
                .postJson("/api/contact-lists", Map.of("name", "Property press"))
                .json()
                .get("id")
                .asString();
        contactId = distribution
                .postJson(
                        "/api/contact-lists/" + listId + "/contacts",
                        Map.of("name", "Property desk", "email", "property-desk@lifecycle.example", "language", "en"))
                .json()
                .get("id")
                .asString();
    }

    sealed interface Step {}

    record Confirm(int signer) implements Step {}

    record Withdraw(int signer) implements Step {}

    record Close() implements Step {}

    record Publish() implements Step {}

    record WithdrawStatement() implements Step {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 7).map(Confirm::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 7).map(Withdraw::new)),
                Tuple.of(1, Arbitraries.just(new Close())),
                Tuple.of(1, Arbitraries.just(new Publish())),
                Tuple.of(1, Arbitraries.just(new WithdrawStatement())));
        return step.list().ofMinSize(3).ofMaxSize(16);
    }

    @Property(tries = 12)
    void everyCountAndTheReleaseHoldExactlyTheSignaturesConfirmedBeforeTheEnd(
            @ForAll("histories") List<Step> history, @ForAll long deliverySeed) {
        UUID statement = openedStatement();
        List<Envelope<?>> events = new ArrayList<>();
        Map<Integer, UUID> signatures = new LinkedHashMap<>();
        Map<UUID, String> names = new LinkedHashMap<>();
        Set<UUID> expected = new LinkedHashSet<>();
        Instant end = null;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (Step step : history) {
            now = now.plusMillis(250);
            if (step instanceof Confirm confirm) {
                if (signatures.containsKey(confirm.signer())) {
                    continue;
                }
                UUID id = UUID.randomUUID();
                signatures.put(confirm.signer(), id);
                names.put(id, "Signer " + id.toString().substring(0, 8));
                events.add(envelope(
                        EventTypes.SIGNATURE_CONFIRMED,
                        statement,
                        now,
                        new SignatureConfirmed(
                                id, statement, SignatoryKind.ORGANISATION, names.get(id), null, null, 1, HASH, now)));
                if (end == null) {
                    expected.add(id);
                }
            } else if (step instanceof Withdraw withdraw) {
                UUID id = signatures.get(withdraw.signer());
                if (id != null) {
                    events.add(envelope(
                            EventTypes.SIGNATURE_WITHDRAWN, statement, now, new SignatureWithdrawn(id, statement)));
                    expected.remove(id);
                }
            } else {
                end = SignOnEnd.earlier(end, now);
                if (step instanceof Close) {
                    events.add(envelope(
                            EventTypes.STATEMENT_CLOSED, statement, now, new StatementClosed(statement, 1, HASH, end)));
                } else if (step instanceof Publish) {
                    events.add(envelope(
                            EventTypes.STATEMENT_PUBLISHED,
                            statement,
                            now,
                            new StatementPublished(statement, 1, HASH, end)));
                } else {
                    events.add(envelope(
                            EventTypes.STATEMENT_WITHDRAWN,
                            statement,
                            now,
                            new StatementWithdrawn(statement, "withdrawn", end)));
                }
            }
        }
        Collections.shuffle(events, new Random(deliverySeed));
        for (Envelope<?> event : events) {
            TopicReader.send(topic(event), statement.toString(), event);
        }

        List<UUID> ids = events.stream().<UUID>map(Envelope::id).toList();
        Eventually.await(WAIT, () -> {
            assertThat(processed("tracking", ids)).isEqualTo(ids.size());
            assertThat(processed("distribution", ids)).isEqualTo(ids.size());
        });

        var counts = tracking.get("/api/statements/" + statement + "/counts");
        assertThat(counts.status()).isEqualTo(200);
        assertThat(counts.json().get("confirmed").asInt())
                .as(history.toString())
                .isEqualTo(expected.size());
        assertThat(tracking.get("/public/statements/" + statement + "/counter")
                        .json()
                        .get("confirmed")
                        .asInt())
                .isEqualTo(expected.size());
        String preview = preview(statement).json().get("body").asString();
        for (var signer : names.entrySet()) {
            assertThat(preview.contains(signer.getValue()))
                    .as("%s in the release preview after %s", signer.getValue(), history)
                    .isEqualTo(expected.contains(signer.getKey()));
        }
    }

    /**
     * A statement drafted and opened through the statements API (so the coordinator may read it everywhere), once
     * tracking and distribution have its opening.
     */
    private static UUID openedStatement() {
        String id = statements
                .postJson(
                        "/api/statements",
                        Map.of("title", "Property statement", "body", "We call for an end to it.", "language", "en"))
                .json()
                .get("id")
                .asString();
        assertThat(statements.postJson("/api/statements/" + id + "/open", "").status())
                .isEqualTo(200);
        Eventually.await(WAIT, () -> {
            assertThat(tracking.get("/api/statements/" + id + "/counts").status())
                    .isEqualTo(200);
            assertThat(preview(UUID.fromString(id)).status()).isEqualTo(200);
        });
        return UUID.fromString(id);
    }

    private static Http.Response preview(UUID statement) {
        return distribution.get("/api/releases/preview?statementId=" + statement + "&contactId=" + contactId);
    }

    private static String topic(Envelope<?> event) {
        return event.type().startsWith("chorus.statement.") ? Topics.STATEMENTS : Topics.SIGNATURES;
    }

    private static <T> Envelope<T> envelope(EventType<T> type, UUID statement, Instant time, T data) {
        String source = type.topic().equals(Topics.STATEMENTS) ? "/statements" : "/signatures";
        return Envelope.of(type, source, statement, time, data);
    }

    private static long processed(String schema, List<UUID> ids) {
        Infrastructure infrastructure = RealInfrastructure.get();
        try (Connection database = DriverManager.getConnection(
                        infrastructure.jdbcUrl(), infrastructure.dbUser(), infrastructure.dbPassword());
                PreparedStatement query = database.prepareStatement(
                        "select count(*) from " + schema + ".processed_event where event_id = any(?)")) {
            query.setArray(1, database.createArrayOf("uuid", ids.toArray()));
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
