package org.chorus.distribution.signatories;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.chorus.events.SignatureConfirmed;
import org.chorus.events.SignatureCorrected;
import org.chorus.events.Visibility;
import org.chorus.platform.inbox.Inbox;
import org.chorus.platform.text.SignatoryLines;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The confirmed public signatories of each statement, in the order they confirmed: what a release prints. A withheld
 * signer is only counted (withheld_signatory), so that the release says how many asked not to be named; one who withdraws, is rejected or merged away, or becomes withheld, leaves at once; one confirmed
 * after sign-on ended is never printed (left out when listing, so also when the close is read after the confirmation).
 */
@Service
public class Signatories {
    private final JdbcClient jdbc;
    private final Inbox inbox;

    Signatories(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    @Transactional
    void confirmed(UUID eventId, SignatureConfirmed confirmed) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (confirmed.visibility() == Visibility.WITHHELD || confirmed.name() == null) {
            jdbc.sql("""
                            insert into withheld_signatory (signature_id, statement_id, confirmed_at)
                            select ?, ?, ?
                            where not exists (select 1 from signatory_removal where signature_id = ?)
                            on conflict do nothing""")
                    .params(
                            confirmed.signatureId(),
                            confirmed.statementId(),
                            Timestamp.from(confirmed.confirmedAt()),
                            confirmed.signatureId())
                    .update();
            return;
        }
        jdbc.sql("""
                        insert into signatory (signature_id, statement_id, name, country, qualifier, confirmed_at)
                        select ?, ?, ?, ?, ?, ?
                        where not exists (select 1 from signatory_removal where signature_id = ?)
                        on conflict do nothing""")
                .params(
                        confirmed.signatureId(),
                        confirmed.statementId(),
                        confirmed.name(),
                        confirmed.country(),
                        confirmed.qualifier(),
                        Timestamp.from(confirmed.confirmedAt()),
                        confirmed.signatureId())
                .update();
    }

    /** Withdrawn, rejected or merged into another signature: gone from every later release. */
    @Transactional
    void removed(UUID eventId, UUID signatureId) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        jdbc.sql("insert into signatory_removal (signature_id) values (?) on conflict do nothing")
                .param(signatureId)
                .update();
        jdbc.sql("delete from signatory where signature_id = ?")
                .param(signatureId)
                .update();
        jdbc.sql("delete from withheld_signatory where signature_id = ?")
                .param(signatureId)
                .update();
    }

    /** A signer corrected how they appear; one who chose to be withheld leaves the printed list. */
    @Transactional
    void corrected(UUID eventId, SignatureCorrected corrected) {
        if (!inbox.firstDelivery(eventId)) {
            return;
        }
        if (corrected.visibility() == Visibility.WITHHELD || corrected.name() == null) {
            jdbc.sql("""
                            with left_list as (delete from signatory where signature_id = ?
                                               returning signature_id, statement_id, confirmed_at)
                            insert into withheld_signatory (signature_id, statement_id, confirmed_at)
                            select signature_id, statement_id, confirmed_at from left_list
                            on conflict do nothing""").param(corrected.signatureId()).update();
            return;
        }
        jdbc.sql("update signatory set name = ?, country = ?, qualifier = ? where signature_id = ?")
                .params(corrected.name(), corrected.country(), corrected.qualifier(), corrected.signatureId())
                .update();
    }

    /** How many confirmed signatories of the statement asked not to be named (counted, never printed). */
    @Transactional(readOnly = true)
    public long notNamed(UUID statementId) {
        return jdbc.sql("""
                        select count(*) from withheld_signatory w
                        where statement_id = ?
                          and not exists (select 1 from statement_copy c where c.id = w.statement_id
                                          and w.confirmed_at > c.sign_on_ended_at)""").param(statementId).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public List<SignatoryLines.Signatory> of(UUID statementId) {
        return jdbc.sql("""
                        select name, country, qualifier from signatory s
                        where statement_id = ?
                          and not exists (select 1 from statement_copy c where c.id = s.statement_id
                                          and s.confirmed_at > c.sign_on_ended_at)
                        order by confirmed_at, seq""")
                .param(statementId)
                .query(SignatoryLines.Signatory.class)
                .list();
    }
}
