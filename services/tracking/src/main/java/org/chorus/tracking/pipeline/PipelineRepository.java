package org.chorus.tracking.pipeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.chorus.events.InvitationCreated;
import org.chorus.events.InvitationSent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PipelineRepository {
    private final JdbcClient jdbc;

    PipelineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the invitee; if a withheld signature through it was seen already (events of a rebuild arrive in order,
     * so only in theory) its organisation and country are not kept.
     */
    void created(InvitationCreated created, Instant at) {
        jdbc.sql("""
                        insert into invitation
                            (invitation_id, statement_id, wave, organisation, country, language, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (invitation_id) do update
                        set wave = excluded.wave, organisation = excluded.organisation, country = excluded.country,
                            language = excluded.language, created_at = coalesce(invitation.created_at, excluded.created_at)""")
                .params(
                        created.invitationId(),
                        created.statementId(),
                        created.wave(),
                        created.organisation(),
                        created.country(),
                        created.language(),
                        Timestamp.from(at))
                .update();
        jdbc.sql("""
                        update invitation set organisation = null, country = null
                        where invitation_id = :id and exists (select 1 from signature s
                                                              where s.invitation_id = :id and s.visibility = 'WITHHELD')""").param("id", created.invitationId()).update();
    }

    /** The invitee signed withheld: its organisation and country are no longer kept. */
    void erase(UUID invitationId) {
        jdbc.sql("update invitation set organisation = null, country = null where invitation_id = ?")
                .param(invitationId)
                .update();
    }

    /** The signature became withheld: the invitee it came through (if any) loses its organisation and country. */
    void eraseInviteeOf(UUID signatureId) {
        jdbc.sql("""
                        update invitation set organisation = null, country = null
                        where invitation_id = (select invitation_id from signature where signature_id = ?)""").param(signatureId).update();
    }

    void sent(InvitationSent sent, Instant at) {
        jdbc.sql("""
                        insert into invitation (invitation_id, statement_id, request_id, sent_at) values (?, ?, ?, ?)
                        on conflict (invitation_id) do update
                        set request_id = coalesce(invitation.request_id, excluded.request_id),
                            sent_at = coalesce(invitation.sent_at, excluded.sent_at)""")
                .params(sent.invitationId(), sent.statementId(), sent.requestId(), Timestamp.from(at))
                .update();
    }

    /** Sets one step's time ({@code column} is a constant of the projection), keeping the first one seen. */
    void step(UUID invitationId, UUID statementId, String column, Instant at) {
        jdbc.sql("insert into invitation (invitation_id, statement_id, " + column + ") values (?, ?, ?)"
                        + " on conflict (invitation_id) do update set " + column + " = coalesce(invitation." + column
                        + ", excluded." + column + ")")
                .params(invitationId, statementId, Timestamp.from(at))
                .update();
    }

    void delivered(UUID requestId, Instant at) {
        jdbc.sql("""
                        insert into mail_outcome (request_id, delivered_at) values (?, ?)
                        on conflict (request_id) do update
                        set delivered_at = coalesce(mail_outcome.delivered_at, excluded.delivered_at)""").params(requestId, Timestamp.from(at)).update();
    }

    void bounced(UUID requestId, Instant at) {
        jdbc.sql("""
                        insert into mail_outcome (request_id, bounced_at, hard_bounce) values (?, ?, true)
                        on conflict (request_id) do update
                        set bounced_at = coalesce(mail_outcome.bounced_at, excluded.bounced_at), hard_bounce = true""").params(requestId, Timestamp.from(at)).update();
    }

    void unsubscribed(UUID requestId, Instant at) {
        jdbc.sql("""
                        insert into mail_outcome (request_id, unsubscribed_at) values (?, ?)
                        on conflict (request_id) do update
                        set unsubscribed_at = coalesce(mail_outcome.unsubscribed_at, excluded.unsubscribed_at)""").params(requestId, Timestamp.from(at)).update();
    }

    /**
     * Every invitee of a statement with the time of each step reached; signed is read from counting signatures, bounced
     * and unsubscribed from the invitation mail and every reminder mail (requested with the reminder id).
     */
    List<Invitee> invitees(UUID statementId) {
        return jdbc.sql("""
                        select i.invitation_id, i.statement_id, i.wave, i.organisation, i.country, i.language,
                               i.created_at, i.sent_at, m.delivered_at,
                               (select min(o.bounced_at) from mail_outcome o
                                 where o.request_id = i.request_id
                                    or o.request_id in (select r.reminder_id from reminder r
                                                         where r.invitation_id = i.invitation_id)) as bounced_at,
                               (select min(o.unsubscribed_at) from mail_outcome o
                                 where o.request_id = i.request_id
                                    or o.request_id in (select r.reminder_id from reminder r
                                                         where r.invitation_id = i.invitation_id)) as unsubscribed_at,
                               i.opened_at, i.declined_at,
                               (select min(s.confirmed_at) from signature s
                                 where s.invitation_id = i.invitation_id
                                   and not exists (select 1 from signature_removal r
                                                    where r.signature_id = s.signature_id)
                                   and not exists (select 1 from statement_end e where e.statement_id = s.statement_id
                                                    and s.confirmed_at > e.ended_at)
                                   and not exists (select 1 from schedule d where d.statement_id = s.statement_id
                                                    and s.confirmed_at > d.deadline)) as signed_at,
                               (select min(s.confirmed_at) from signature s
                                 where s.invitation_id = i.invitation_id) as ever_signed_at
                        from invitation i left join mail_outcome m on m.request_id = i.request_id
                        where i.statement_id = ?
                        order by i.wave nulls last, i.organisation nulls last, i.invitation_id""").param(statementId).query(Invitee.class).list();
    }

    /** Statements with at least one invitee who has not answered: candidates for reminders. */
    List<UUID> statementsAwaitingAnswers() {
        return jdbc.sql("""
                        select distinct i.statement_id from invitation i
                        left join mail_outcome m on m.request_id = i.request_id
                        where i.declined_at is null and m.bounced_at is null and m.unsubscribed_at is null
                          and not exists (select 1 from signature s where s.invitation_id = i.invitation_id)""").query(UUID.class).list();
    }
}
