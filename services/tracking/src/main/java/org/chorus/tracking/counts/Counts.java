package org.chorus.tracking.counts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.events.MalformedEventException;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.StatementOpened;
import org.chorus.platform.inbox.Inbox;
import org.chorus.platform.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies statement and signature events to the count read model, each event once, and answers count queries. */
@Service
class Counts {
    private final CountsRepository repository;
    private final Inbox inbox;

    Counts(CountsRepository repository, Inbox inbox) {
        this.repository = repository;
        this.inbox = inbox;
    }

    @Transactional
    void opened(UUID eventId, Instant time, StatementOpened opened) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (opened.statementId() == null || opened.title() == null || opened.contentHash() == null) {
            throw new MalformedEventException(
                    "StatementOpened " + eventId + " lacks its statement, title or hash", null);
        }
        repository.upsert(opened, time);
    }

    @Transactional
    void confirmed(UUID eventId, SignatureConfirmed confirmed) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (confirmed.signatureId() == null
                || confirmed.statementId() == null
                || confirmed.kind() == null
                || confirmed.revisionHash() == null
                || confirmed.confirmedAt() == null) {
            throw new MalformedEventException(
                    "SignatureConfirmed " + eventId + " lacks its signature, statement, kind, hash or time", null);
        }
        repository.insert(confirmed);
    }

    @Transactional(readOnly = true)
    StatementCounts of(UUID statementId) {
        String title = repository.title(statementId).orElse(null);
        List<CountsRepository.Tally> tallies = repository.tallies(statementId);
        if (title == null && tallies.isEmpty()) {
            throw Problems.notFound("No statement " + statementId + " is tracked.");
        }
        return StatementCounts.of(statementId, title, tallies);
    }

    @Transactional(readOnly = true)
    List<TrackedStatement> all() {
        return repository.all();
    }
}
