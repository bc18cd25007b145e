package org.chorus.tracking.counts;

import org.chorus.events.Envelope;
import org.chorus.events.MalformedEventException;
import org.chorus.events.ReconsentRequested;
import org.chorus.events.ScheduleSet;
import org.chorus.events.SignOnEnd;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.SignatureMerged;
import org.chorus.events.SignatureReconfirmed;
import org.chorus.events.SignatureRejected;
import org.chorus.events.SignatureWithdrawn;
import org.chorus.events.StatementClosed;
import org.chorus.events.StatementOpened;
import org.chorus.events.StatementPublished;
import org.chorus.events.StatementWithdrawn;
import org.chorus.tracking.projection.Projection;
import org.springframework.stereotype.Component;

/** Statements, their schedules, and one row per confirmed signature with what became of it. */
@Component
class CountsProjection implements Projection {
    private final CountsRepository repository;

    CountsProjection(CountsRepository repository) {
        this.repository = repository;
    }

    @Override
    public void apply(Envelope<?> event) {
        Object data = event.data();
        if (data instanceof StatementOpened opened) {
            require(opened.statementId() != null && opened.title() != null && opened.contentHash() != null, event);
            repository.upsert(opened, event.time());
        } else if (data instanceof SignatureConfirmed confirmed) {
            require(
                    confirmed.signatureId() != null
                            && confirmed.statementId() != null
                            && confirmed.kind() != null
                            && confirmed.revisionHash() != null
                            && confirmed.confirmedAt() != null,
                    event);
            repository.insert(confirmed);
        } else if (data instanceof SignatureWithdrawn withdrawn) {
            require(withdrawn.signatureId() != null && withdrawn.statementId() != null, event);
            repository.remove(withdrawn.signatureId(), withdrawn.statementId(), "WITHDRAWN", event.time());
        } else if (data instanceof SignatureRejected rejected) {
            require(rejected.signatureId() != null && rejected.statementId() != null, event);
            repository.remove(rejected.signatureId(), rejected.statementId(), "REJECTED", event.time());
        } else if (data instanceof SignatureMerged merged) {
            require(merged.signatureId() != null && merged.statementId() != null, event);
            repository.remove(merged.signatureId(), merged.statementId(), "MERGED", event.time());
        } else if (data instanceof SignatureReconfirmed reconfirmed) {
            require(
                    reconfirmed.signatureId() != null
                            && reconfirmed.statementId() != null
                            && reconfirmed.revisionHash() != null,
                    event);
            repository.reconfirm(reconfirmed);
        } else if (data instanceof SignatureCorrected corrected) {
            require(corrected.signatureId() != null && corrected.kind() != null, event);
            repository.correct(corrected);
        } else if (data instanceof ReconsentRequested reconsent) {
            require(reconsent.statementId() != null && reconsent.contentHash() != null, event);
            repository.reconsent(reconsent);
        } else if (data instanceof StatementClosed closed) {
            require(closed.statementId() != null, event);
            repository.ended(closed.statementId(), "CLOSED", SignOnEnd.of(event).orElseThrow());
        } else if (data instanceof StatementPublished published) {
            require(published.statementId() != null, event);
            repository.ended(
                    published.statementId(), "CLOSED", SignOnEnd.of(event).orElseThrow());
        } else if (data instanceof StatementWithdrawn withdrawn) {
            require(withdrawn.statementId() != null, event);
            repository.ended(
                    withdrawn.statementId(), "WITHDRAWN", SignOnEnd.of(event).orElseThrow());
        } else if (data instanceof ScheduleSet schedule) {
            require(schedule.statementId() != null, event);
            repository.schedule(schedule, event.time());
        }
    }

    private static void require(boolean complete, Envelope<?> event) {
        if (!complete) {
            throw new MalformedEventException(event.type() + " " + event.id() + " lacks a required field", null);
        }
    }
}
