package org.chorus.distribution.ledger;

import java.util.UUID;

/** A ledger row claimed for sending. */
record Delivery(
        long id,
        String kind,
        UUID requestId,
        String template,
        UUID releaseId,
        UUID contactId,
        String eventSubject,
        String recipientAddress,
        String recipientName,
        String mailSubject,
        String body,
        String messageId,
        String unsubscribeUrl,
        int attempts) {

    boolean requested() {
        return kind.equals("MAIL_REQUEST");
    }

    /** The record key of the events about this mail: the request, or the release's statement. */
    Object eventKey() {
        return requested() ? requestId : eventSubject;
    }
}
