-- A ledger row's personal part (address, name, a body of its own, unsubscribe link) is stored sealed until the mail
-- leaves: AES-256-GCM under a key derived from distribution's private keys (shared/platform AtRest), bound to the row's
-- Message-ID, with the id of the key that sealed it. The keyed hash of the address (address_hash) is written beside it
-- when the row is planned, so suppression, bounces and exactly-once never need the address in the clear. Rows planned
-- before keep their plaintext columns until they are done, as before.
alter table delivery
    add column sealed        bytea,
    add column sealed_key_id text;

alter table delivery drop constraint delivery_unsent_without_mail;
alter table delivery
    add constraint delivery_unsent_without_mail
        check (status in ('FAILED', 'SUPPRESSED') or redacted_at is not null
               or (mail_subject is not null
                   and (sealed is not null or body is not null or (body_id is not null and unsubscribe_url is not null))));
