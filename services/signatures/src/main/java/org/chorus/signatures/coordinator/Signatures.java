package org.chorus.signatures.coordinator;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.chorus.events.EventTypes;
import org.chorus.events.SignOnEnd;
import org.chorus.events.SignatoryKind;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureMerged;
import org.chorus.events.SignatureRejected;
import org.chorus.events.Visibility;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.sealing.SignatorySealer;
import org.chorus.platform.text.HumanText;
import org.chorus.platform.web.Problems;
import org.chorus.signatures.audit.AuditTrail;
import org.chorus.signatures.identity.Identity;
import org.chorus.signatures.identity.SealedIdentities;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's view of a statement's signatures, withheld identities opened, and moderation: approve, reject
 * with a reason, merge duplicates. Open-link signatures count as soon as they are confirmed, unless the statement
 * requires approval before counting: then a confirmed open-link signature is held ({@code awaiting_approval}) and its
 * SignatureConfirmed event is published only when a coordinator approves it; a rejected one never counts.
 */
@Service
class Signatures {
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final SignatorySealer signatories;
    private final Clock clock;
    private final SealedIdentities identities;
    private final AuditTrail audit;

    Signatures(
            JdbcClient jdbc,
            Outbox outbox,
            SignatorySealer signatories,
            Clock clock,
            SealedIdentities identities,
            AuditTrail audit) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.signatories = signatories;
        this.clock = clock;
        this.identities = identities;
        this.audit = audit;
    }

    record Row(
            UUID id,
            UUID statementId,
            SignatoryKind kind,
            String name,
            String country,
            String qualifier,
            String email,
            String status,
            String visibility,
            boolean countryCounted,
            byte[] sealedIdentity,
            int revision,
            String revisionHash,
            boolean flagged,
            String origin,
            String reason,
            UUID mergedInto,
            Instant submittedAt,
            Instant confirmedAt,
            Instant approvedAt,
            boolean awaitingApproval,
            UUID invitationId,
            Integer wave,
            String contactName) {}

    /**
     * One signature as the coordinator sees it; {@code revisionConfirmed} is the text version the signer agreed to;
     * {@code contactName} is who signed for an organisation (never published; null for individuals and imports).
     * {@code confirmedAfterSignOnEnded}: confirmed after the moment sign-on ended (a confirmation that raced the close
     * here), so it is never counted, exported or released ({@link SignOnEnd}), whatever its status says.
     */
    record Entry(
            UUID id,
            SignatoryKind kind,
            String status,
            String visibility,
            String name,
            String qualifier,
            String country,
            boolean countryCounted,
            String email,
            String contactName,
            int revisionConfirmed,
            String revisionHash,
            boolean flagged,
            String origin,
            boolean approved,
            boolean awaitingApproval,
            String reason,
            UUID mergedInto,
            Instant submittedAt,
            Instant confirmedAt,
            boolean confirmedAfterSignOnEnded) {}

    @Transactional(readOnly = true)
    List<Entry> list(UUID statementId) {
        Instant signOnEndedAt = signOnEndedAt(statementId);
        return rows(statementId).stream().map(row -> entry(row, signOnEndedAt)).toList();
    }

    /** What a coordinator may filter the list by: a status, or the confirmations that came after sign-on ended. */
    static final List<String> FILTERS =
            List.of("CONFIRMED", "AFTER_SIGN_ON_ENDED", "PENDING", "WITHDRAWN", "REJECTED", "MERGED");

    /**
     * The signatures with one standing: {@code CONFIRMED} are those confirmed in time (a confirmation after sign-on
     * ended is never among them, it never counts), {@code AFTER_SIGN_ON_ENDED} those confirmed too late, any other
     * status as it is; null or blank: all of them.
     */
    @Transactional(readOnly = true)
    List<Entry> list(UUID statementId, String filter) {
        if (filter == null || filter.isBlank()) {
            return list(statementId);
        }
        if (!FILTERS.contains(filter)) {
            throw Problems.badRequest(
                    "signatures.unknownStatus", "status must be one of " + String.join(", ", FILTERS));
        }
        return list(statementId).stream()
                .filter(entry -> filter.equals("AFTER_SIGN_ON_ENDED")
                        ? entry.status().equals("CONFIRMED") && entry.confirmedAfterSignOnEnded()
                        : entry.status().equals(filter)
                                && !(filter.equals("CONFIRMED") && entry.confirmedAfterSignOnEnded()))
                .toList();
    }

    @Transactional(readOnly = true)
    List<AuditTrail.Entry> audit(UUID statementId, UUID signatureId) {
        row(statementId, signatureId);
        return audit.of(signatureId);
    }

    record Candidate(Entry signature, List<UUID> possibleDuplicates) {}

    /** Open-link signatures not yet approved, rejected or merged, each with what looks like the same signer. */
    @Transactional(readOnly = true)
    List<Candidate> moderationQueue(UUID statementId) {
        List<Entry> all = list(statementId).stream()
                .filter(entry ->
                        entry.status().equals("PENDING") || entry.status().equals("CONFIRMED"))
                .toList();
        List<Candidate> queue = new ArrayList<>();
        for (Entry entry : all) {
            if (!entry.origin().equals("OPEN_LINK") || entry.approved()) {
                continue;
            }
            List<UUID> duplicates = all.stream()
                    .filter(other -> !other.id().equals(entry.id()) && sameSigner(entry, other))
                    .map(Entry::id)
                    .toList();
            queue.add(new Candidate(entry, duplicates));
        }
        return queue;
    }

    /** Approves a signature; one held for approval counts from now on (its SignatureConfirmed is published). */
    @Transactional
    void approve(UUID statementId, UUID signatureId) {
        Row row = open(statementId, signatureId);
        refuseOnceOut(statementId);
        if (row.confirmedAt() != null && !SignOnEnd.counts(row.confirmedAt(), signOnEndedAt(statementId))) {
            throw Problems.conflict(
                    "confirmedAfterSignOnEnded",
                    "Signature " + signatureId + " was confirmed after sign-on ended; it is not counted and cannot be"
                            + " approved.");
        }
        Instant now = clock.instant();
        jdbc.sql("update signature set approved_at = ?, awaiting_approval = false where id = ?")
                .params(Timestamp.from(now), row.id())
                .update();
        audit.record(row.id(), statementId, now, AuditTrail.Actor.COORDINATOR, "APPROVED", null);
        if (row.awaitingApproval()) {
            count(row);
        }
    }

    record Settings(boolean inviteOnly, boolean approvalRequired) {}

    @Transactional(readOnly = true)
    Settings settings(UUID statementId) {
        return jdbc.sql("select invite_only, approval_required from statement where id = ?")
                .param(statementId)
                .query(Settings.class)
                .optional()
                .orElseThrow(() -> Problems.notFound("No statement " + statementId + " is open for signature here"));
    }

    /**
     * Changes what is given; {@code null} leaves a setting as it is. Turning approval before counting off counts every
     * signature still held for it, as if approval had never been required.
     */
    @Transactional
    Settings change(UUID statementId, Boolean inviteOnly, Boolean approvalRequired) {
        Settings current = settings(statementId);
        if (Boolean.FALSE.equals(approvalRequired) && current.approvalRequired()) {
            refuseOnceOut(statementId);
        }
        jdbc.sql("update statement set invite_only = ?, approval_required = ? where id = ?")
                .params(
                        inviteOnly == null ? current.inviteOnly() : inviteOnly,
                        approvalRequired == null ? current.approvalRequired() : approvalRequired,
                        statementId)
                .update();
        if (Boolean.FALSE.equals(approvalRequired)) {
            List<Row> held = jdbc.sql("""
                            update signature set awaiting_approval = false
                            where statement_id = ? and status = 'CONFIRMED' and awaiting_approval
                              and invitation_id is null
                            returning *""").param(statementId).query(Row.class).list();
            Instant now = clock.instant();
            for (Row row : held) {
                audit.record(
                        row.id(), statementId, now, AuditTrail.Actor.COORDINATOR, "COUNTED", "approval turned off");
                count(row);
            }
        }
        return settings(statementId);
    }

    /**
     * A held signature confirmed before sign-on ended may still be approved while the statement is closed (it counts:
     * its confirmation time is before the end); once the statement is published or withdrawn the list is final.
     */
    private void refuseOnceOut(UUID statementId) {
        Boolean out = jdbc.sql(
                        "select published_at is not null or withdrawn_at is not null from statement where id = ?")
                .param(statementId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (out) {
            throw Problems.conflict(
                    "statementOut", "Statement " + statementId + " was published or withdrawn; its list is final.");
        }
    }

    /** Publishes the confirmation that makes a held signature count; withheld signers only as they allowed. */
    private void count(Row row) {
        boolean withheld = "WITHHELD".equals(row.visibility());
        outbox.append(
                EventTypes.SIGNATURE_CONFIRMED_V2,
                row.statementId(),
                row.statementId(),
                signatories.confirmed(new SignatureConfirmed(
                        row.id(),
                        row.statementId(),
                        row.kind(),
                        withheld ? null : row.name(),
                        withheld && !row.countryCounted() ? null : row.country(),
                        withheld ? null : row.qualifier(),
                        row.revision(),
                        row.revisionHash(),
                        row.confirmedAt(),
                        withheld ? Visibility.WITHHELD : null,
                        row.invitationId(),
                        row.wave())));
    }

    @Transactional
    void reject(UUID statementId, UUID signatureId, String reason) {
        reason = HumanText.multiLine("reason", reason, 500);
        Row row = open(statementId, signatureId);
        jdbc.sql("""
                        update signature set status = 'REJECTED', reason = ?, reconsent_token_hash = null,
                            awaiting_approval = false
                        where id = ?""").params(reason, row.id()).update();
        audit.record(row.id(), statementId, clock.instant(), AuditTrail.Actor.COORDINATOR, "REJECTED", reason);
        outbox.append(
                EventTypes.SIGNATURE_REJECTED,
                statementId,
                statementId,
                new SignatureRejected(row.id(), statementId, reason));
    }

    @Transactional
    void merge(UUID statementId, UUID signatureId, UUID into) {
        if (signatureId.equals(into)) {
            throw Problems.badRequest("A signature cannot be merged into itself");
        }
        Row row = open(statementId, signatureId);
        Row target = open(statementId, into);
        jdbc.sql("update signature set status = 'MERGED', merged_into = ?, reconsent_token_hash = null where id = ?")
                .params(target.id(), row.id())
                .update();
        audit.record(
                row.id(), statementId, clock.instant(), AuditTrail.Actor.COORDINATOR, "MERGED", "into " + target.id());
        outbox.append(
                EventTypes.SIGNATURE_MERGED,
                statementId,
                statementId,
                new SignatureMerged(row.id(), statementId, into));
    }

    private static boolean sameSigner(Entry a, Entry b) {
        String emailA = Duplicates.normalisedEmail(a.email());
        return (emailA != null && emailA.equals(Duplicates.normalisedEmail(b.email())))
                || Duplicates.similarNames(a.name(), b.name());
    }

    /** The row, locked until the coordinator's decision commits (a signer confirming meanwhile waits for it). */
    private Row open(UUID statementId, UUID signatureId) {
        Row row = jdbc.sql("select * from signature where statement_id = ? and id = ? for update")
                .params(statementId, signatureId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> Problems.notFound("No signature " + signatureId + " on this statement"));
        if (!row.status().equals("PENDING") && !row.status().equals("CONFIRMED")) {
            throw Problems.conflict("This signature is already " + row.status().toLowerCase());
        }
        return row;
    }

    private Row row(UUID statementId, UUID signatureId) {
        return jdbc.sql("select * from signature where statement_id = ? and id = ?")
                .params(statementId, signatureId)
                .query(Row.class)
                .optional()
                .orElseThrow(() -> Problems.notFound("No signature " + signatureId + " on this statement"));
    }

    private List<Row> rows(UUID statementId) {
        Optional<UUID> known = jdbc.sql("select id from statement where id = ?")
                .param(statementId)
                .query(UUID.class)
                .optional();
        if (known.isEmpty()) {
            throw Problems.notFound("No statement " + statementId + " is open for signature here");
        }
        return jdbc.sql("select * from signature where statement_id = ? order by seq")
                .param(statementId)
                .query(Row.class)
                .list();
    }

    /** The moment sign-on ended as the statement's lifecycle events told it, or null while it has not. */
    private Instant signOnEndedAt(UUID statementId) {
        return jdbc.sql("select sign_on_ended_at from statement where id = ?")
                .param(statementId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    private Entry entry(Row row, Instant signOnEndedAt) {
        boolean withheld = "WITHHELD".equals(row.visibility());
        Identity identity = withheld
                ? identities.open(row.statementId(), row.id(), row.sealedIdentity())
                : new Identity(row.name(), row.qualifier(), row.email(), row.contactName());
        return new Entry(
                row.id(),
                row.kind(),
                row.status(),
                row.visibility(),
                identity.name(),
                identity.qualifier(),
                row.country(),
                row.countryCounted(),
                identity.email(),
                identity.contactName(),
                row.revision(),
                row.revisionHash(),
                row.flagged(),
                row.origin(),
                row.approvedAt() != null,
                row.awaitingApproval(),
                row.reason(),
                row.mergedInto(),
                row.submittedAt(),
                row.confirmedAt(),
                row.confirmedAt() != null && !SignOnEnd.counts(row.confirmedAt(), signOnEndedAt));
    }
}
