package org.chorus.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
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
import org.junit.jupiter.api.Test;

/**
 * The rule every consumer applies: a signature confirmed after the moment sign-on ended is never counted, whatever
 * order the events reach the consumer in.
 */
class SignOnEndTest {
    private static final UUID STATEMENT = UUID.fromString("5d2b7c1e-0a3f-4c55-9e1b-2f6f1c0d9a11");
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void anOlderLifecycleEventWithoutTheFieldEndsSignOnAtItsEnvelopeTime() {
        Instant committed = Instant.parse("2025-02-10T09:00:00Z");
        for (Object data : List.of(
                new StatementClosed(STATEMENT, 2, "h"),
                new StatementPublished(STATEMENT, 2, "h"),
                new StatementWithdrawn(STATEMENT, "r"))) {
            Envelope<?> event =
                    new Envelope<>("1.0", UUID.randomUUID(), "t", "/statements", null, committed, null, data);
            assertThat(SignOnEnd.of(event)).contains(committed);
        }
    }

    @Test
    void theNamedMomentWinsOverTheEnvelopeTime() {
        Instant ended = Instant.parse("2025-02-10T08:00:00Z");
        Envelope<?> event = new Envelope<>(
                "1.0",
                UUID.randomUUID(),
                "t",
                "/statements",
                null,
                Instant.parse("2025-02-10T09:00:00Z"),
                null,
                new StatementPublished(STATEMENT, 2, "h", ended));
        assertThat(SignOnEnd.of(event)).contains(ended);
        assertThat(SignOnEnd.counts(ended, ended)).isTrue();
        assertThat(SignOnEnd.counts(ended.plusNanos(1000), ended)).isFalse();
    }

    /** What happens to one statement, in the order it happened; each step one second after the previous. */
    sealed interface Step {}

    record Confirm(int signer) implements Step {}

    record Withdraw(int signer) implements Step {}

    record Close() implements Step {}

    record Publish() implements Step {}

    record WithdrawStatement() implements Step {}

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 9).map(Confirm::new)),
                Tuple.of(2, Arbitraries.integers().between(0, 9).map(Withdraw::new)),
                Tuple.of(1, Arbitraries.just(new Close())),
                Tuple.of(1, Arbitraries.just(new Publish())),
                Tuple.of(1, Arbitraries.just(new WithdrawStatement())));
        return step.list().ofMaxSize(40);
    }

    /**
     * A history becomes the events producers write (each confirmation carries its time, each lifecycle event the
     * moment sign-on ended); a consumer that folds them in any order with {@link SignOnEnd} counts exactly the
     * signatures confirmed before the first end and not withdrawn.
     */
    @Property(tries = 500)
    void everyDeliveryOrderCountsExactlyTheSignaturesConfirmedBeforeTheEnd(
            @ForAll("histories") List<Step> history, @ForAll long shuffleSeed) {
        List<Envelope<?>> events = new ArrayList<>();
        Map<Integer, UUID> signatures = new HashMap<>();
        Set<UUID> expected = new HashSet<>();
        Instant end = null;
        Instant now = T0;
        for (Step step : history) {
            now = now.plusSeconds(1);
            if (step instanceof Confirm confirm) {
                if (signatures.containsKey(confirm.signer())) {
                    continue;
                }
                UUID id = UUID.randomUUID();
                signatures.put(confirm.signer(), id);
                events.add(envelope(
                        now,
                        new SignatureConfirmed(
                                id, STATEMENT, SignatoryKind.ORGANISATION, "n", null, null, 1, "h", now)));
                if (end == null) {
                    expected.add(id);
                }
            } else if (step instanceof Withdraw withdraw) {
                UUID id = signatures.get(withdraw.signer());
                if (id != null) {
                    events.add(envelope(now, new SignatureWithdrawn(id, STATEMENT)));
                    expected.remove(id);
                }
            } else {
                end = SignOnEnd.earlier(end, now);
                events.add(envelope(
                        now,
                        step instanceof Close
                                ? new StatementClosed(STATEMENT, 1, "h", end)
                                : step instanceof Publish
                                        ? new StatementPublished(STATEMENT, 1, "h", end)
                                        : new StatementWithdrawn(STATEMENT, "r", end)));
            }
        }
        Collections.shuffle(events, new Random(shuffleSeed));
        assertThat(counted(events)).isEqualTo(expected);
    }

    /** A consumer as the services implement it: rows per confirmation and removal, the earliest end, then a query. */
    private static Set<UUID> counted(List<Envelope<?>> arrivals) {
        Map<UUID, Instant> confirmed = new HashMap<>();
        Set<UUID> removed = new HashSet<>();
        Instant end = null;
        for (Envelope<?> event : arrivals) {
            if (event.data() instanceof SignatureConfirmed c) {
                confirmed.putIfAbsent(c.signatureId(), c.confirmedAt());
            } else if (event.data() instanceof SignatureWithdrawn w) {
                removed.add(w.signatureId());
            } else {
                end = SignOnEnd.earlier(end, SignOnEnd.of(event).orElse(null));
            }
        }
        Set<UUID> counted = new HashSet<>();
        for (var entry : confirmed.entrySet()) {
            if (!removed.contains(entry.getKey()) && SignOnEnd.counts(entry.getValue(), end)) {
                counted.add(entry.getKey());
            }
        }
        return counted;
    }

    private static Envelope<?> envelope(Instant time, Object data) {
        return new Envelope<>("1.0", UUID.randomUUID(), "t", "/test", STATEMENT.toString(), time, null, data);
    }
}
