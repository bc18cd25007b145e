-- A ledger row keeps the recipient's address, name, mail body and unsubscribe link only until the mail is done and its
-- bounce window (chorus.mail.redaction.after) has passed; then Redaction empties them and keeps the row, its state and
-- times, and a keyed hash of the address (HMAC-SHA256 under chorus.distribution.suppression-key, as the suppression
-- lists), so that a late hard bounce still suppresses the address. No index is added: the sending path writes the
-- same index entries as before, and the hourly pass reads the table once.
alter table delivery
    add column address_hash text,
    add column redacted_at  timestamptz;

alter table delivery drop constraint delivery_unsent_without_mail;
alter table delivery
    add constraint delivery_unsent_without_mail
        check (status in ('FAILED', 'SUPPRESSED') or redacted_at is not null
               or (mail_subject is not null and (body is not null or (body_id is not null and unsubscribe_url is not null))));
