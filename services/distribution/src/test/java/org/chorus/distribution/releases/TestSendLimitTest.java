package org.chorus.distribution.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestSendLimitTest {
    private final TestSendLimit limit =
            new TestSendLimit(3, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void aTestSendRefusedBecauseTheStatementIsNotPublishedYetCostsNothing() {
        for (int i = 0; i < 5; i++) {
            assertThat(limit.take("carol@coalition.example")).isEmpty();
            limit.giveBack("carol@coalition.example");
        }
        for (int i = 0; i < 3; i++) {
            assertThat(limit.take("Carol@coalition.example")).isEmpty();
        }
        assertThat(limit.take("carol@coalition.example")).isPresent();
        assertThat(limit.take("dan@coalition.example")).isEmpty();
    }
}
