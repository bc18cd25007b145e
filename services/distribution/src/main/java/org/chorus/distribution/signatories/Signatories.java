package org.chorus.distribution.signatories;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.chorus.events.SignatureConfirmed;
import org.chorus.platform.inbox.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The confirmed public signatories of each statement, in the order they confirmed. */
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
        jdbc.sql("""
                        insert into signatory (signature_id, statement_id, name, country, qualifier, confirmed_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(
                        confirmed.signatureId(),
                        confirmed.statementId(),
                        confirmed.name(),
                        confirmed.country(),
                        confirmed.qualifier(),
                        Timestamp.from(confirmed.confirmedAt()))
                .update();
    }

    @Transactional(readOnly = true)
    public List<SignatoryBlock.Signatory> of(UUID statementId) {
        return jdbc.sql("""
                        select name, country, qualifier from signatory
                        where statement_id = ? order by confirmed_at, seq""")
                .param(statementId)
                .query(SignatoryBlock.Signatory.class)
                .list();
    }
}
