package org.chorus.statements.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The moment sign-on ended, as the close, publication and withdrawal events carry it. */
class SignOnEndingTest {
    private static final Instant OPENED = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant DEADLINE = Instant.parse("2026-06-04T12:00:00Z");

    @Test
    void aStatementClosedAfterItsDeadlineEndedSignOnAtTheDeadline() {
        Statement closed = open(DEADLINE).moved(Statement.Status.CLOSED, DEADLINE.plusSeconds(3_600), null);

        assertThat(closed.closedAt()).isEqualTo(DEADLINE);
    }

    @Test
    void aStatementClosedBeforeItsDeadlineEndedSignOnWhenItWasClosed() {
        Instant closing = DEADLINE.minusSeconds(60);

        assertThat(open(DEADLINE).moved(Statement.Status.CLOSED, closing, null).closedAt())
                .isEqualTo(closing);
        assertThat(open(null).moved(Statement.Status.CLOSED, closing, null).closedAt())
                .isEqualTo(closing);
    }

    @Test
    void aStatementWithdrawnWhileOpenButPastItsDeadlineEndedSignOnAtTheDeadline() {
        assertThat(open(DEADLINE).signOnEndingAt(DEADLINE.plusSeconds(1))).isEqualTo(DEADLINE);
        assertThat(open(DEADLINE).signOnEndingAt(DEADLINE.minusSeconds(1))).isEqualTo(DEADLINE.minusSeconds(1));
    }

    private static Statement open(Instant deadline) {
        return new Statement(
                UUID.randomUUID(),
                "Title",
                null,
                "en",
                "title",
                null,
                null,
                Statement.Status.OPEN,
                1,
                OPENED,
                OPENED,
                null,
                null,
                null,
                null,
                deadline,
                null,
                null,
                "UTC");
    }
}
