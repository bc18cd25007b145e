package org.chorus.distribution.releases;

import java.util.List;
import java.util.UUID;
import org.chorus.distribution.contacts.Contacts;
import org.chorus.distribution.ledger.Ledger;
import org.chorus.distribution.signatories.Signatories;
import org.chorus.distribution.signatories.SignatoryBlock;
import org.chorus.distribution.statements.StatementCopies;
import org.chorus.events.EventTypes;
import org.chorus.events.ReleasePublished;
import org.chorus.platform.outbox.Outbox;
import org.chorus.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sending a statement with its signatories to every contact of a list, one ledger row each. */
@Service
class Releases {
    private final JdbcClient jdbc;
    private final StatementCopies statements;
    private final Signatories signatories;
    private final Contacts contacts;
    private final Ledger ledger;
    private final Outbox outbox;

    Releases(
            JdbcClient jdbc,
            StatementCopies statements,
            Signatories signatories,
            Contacts contacts,
            Ledger ledger,
            Outbox outbox) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.signatories = signatories;
        this.contacts = contacts;
        this.ledger = ledger;
        this.outbox = outbox;
    }

    record Release(UUID id, UUID statementId, String contentHash, int signatories, int recipients) {}

    record Progress(UUID id, UUID statementId, int recipients, Ledger.Counts deliveries) {}

    @Transactional
    Release publish(UUID statementId, UUID contactListId) {
        StatementCopies.StatementCopy statement = statements
                .find(statementId)
                .orElseThrow(() -> Problems.notFound("No statement " + statementId + " is open for signature."));
        Contacts.ContactList list = contacts.find(contactListId)
                .orElseThrow(() -> Problems.notFound("No contact list " + contactListId + "."));
        if (list.contacts().isEmpty()) {
            throw Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "Contact list " + contactListId + " has no contacts.");
        }
        List<SignatoryBlock.Signatory> signed = signatories.of(statementId);
        String body = ReleaseMail.body(statement, signed);
        Release release = new Release(
                UUID.randomUUID(),
                statementId,
                statement.contentHash(),
                signed.size(),
                list.contacts().size());
        jdbc.sql("""
                        insert into release (id, statement_id, contact_list_id, content_hash, signatories, recipients)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(
                        release.id(),
                        statementId,
                        contactListId,
                        release.contentHash(),
                        release.signatories(),
                        release.recipients())
                .update();
        ledger.planRelease(
                release.id(),
                list.contacts().stream()
                        .map(contact -> new Ledger.Recipient(
                                contact.id(),
                                new Ledger.Mail(contact.email(), contact.name(), statement.title(), body)))
                        .toList());
        outbox.append(
                EventTypes.RELEASE_PUBLISHED,
                statementId,
                statementId,
                new ReleasePublished(
                        release.id(), statementId, release.contentHash(), release.signatories(), release.recipients()));
        return release;
    }

    @Transactional(readOnly = true)
    Progress progress(UUID id) {
        Release release = jdbc.sql(
                        "select id, statement_id, content_hash, signatories, recipients from release where id = ?")
                .param(id)
                .query(Release.class)
                .optional()
                .orElseThrow(() -> Problems.notFound("No release " + id + "."));
        return new Progress(release.id(), release.statementId(), release.recipients(), ledger.countsForRelease(id));
    }
}
