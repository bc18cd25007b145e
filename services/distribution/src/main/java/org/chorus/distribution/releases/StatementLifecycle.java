package org.chorus.distribution.releases;

import java.time.Clock;
import org.chorus.distribution.ledger.Ledger;
import org.chorus.distribution.statements.StatementCopies;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Applies what happens to a statement to its releases, in the transaction that recorded it. */
@Component
class StatementLifecycle {
    private final Releases releases;
    private final Ledger ledger;
    private final Clock clock;

    StatementLifecycle(Releases releases, Ledger ledger, Clock clock) {
        this.releases = releases;
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    void on(StatementCopies.ScheduleChanged changed) {
        releases.followSchedule(changed.statementId(), clock.instant());
    }

    @EventListener
    void on(StatementCopies.Withdrawn withdrawn) {
        releases.stopForWithdrawal(withdrawn.statementId(), withdrawn.reason(), clock.instant());
        ledger.cancelRequestedFor(withdrawn.statementId(), withdrawn.reason());
    }
}
