package org.chorus.signatures.signon;

import java.time.Instant;
import java.util.UUID;
import org.chorus.events.SignatoryKind;
import org.chorus.events.Visibility;

/**
 * One signature as stored. For a WITHHELD signer name, qualifier, email and contactName are null (sealed elsewhere);
 * {@code contactName} is the person who signs for an organisation, never published.
 * {@code awaitingApproval}: confirmed, but its statement requires approval before counting and no coordinator has
 * approved it yet. {@code textLanguage} and {@code textHash}: the version the signer read, the language of the text and
 * its own fingerprint (a translation's, or the primary's); null for signatures from before they were kept.
 */
record Signature(
        UUID id,
        UUID statementId,
        SignatoryKind kind,
        String name,
        String country,
        String qualifier,
        String email,
        Status status,
        int revision,
        String revisionHash,
        Instant submittedAt,
        Instant confirmedAt,
        Visibility visibility,
        boolean countryCounted,
        UUID invitationId,
        Integer wave,
        boolean awaitingApproval,
        String contactName,
        String textLanguage,
        String textHash) {

    enum Status {
        PENDING,
        CONFIRMED,
        WITHDRAWN,
        REJECTED,
        MERGED
    }

    public boolean withheld() {
        return visibility == Visibility.WITHHELD;
    }

    /** The country as events may carry it. */
    String publicCountry() {
        return withheld() && !countryCounted ? null : country;
    }

    String publicName() {
        return withheld() ? null : name;
    }

    String publicQualifier() {
        return withheld() ? null : qualifier;
    }

    Visibility eventVisibility() {
        return withheld() ? Visibility.WITHHELD : null;
    }
}
