-- A release mail's body is the same for every recipient who reads the same language, up to the recipient's
-- unsubscribe link. It is stored once per release and language here, and a ledger row refers to it; the sender appends
-- the row's unsubscribe_url and a line break. Rows written before keep their whole body in delivery.body, as do mail
-- requests and early copies rewritten for a moved embargo.
create table delivery_body (
    id   bigint generated always as identity primary key,
    body text not null
);
-- read with every claimed row: kept uncompressed, so that a claim of 50 rows does not inflate it 50 times
alter table delivery_body alter column body set storage external;

alter table delivery add column body_id bigint references delivery_body (id);

alter table delivery drop constraint delivery_unsent_without_mail;
alter table delivery
    add constraint delivery_unsent_without_mail
        check (status in ('FAILED', 'SUPPRESSED')
               or (mail_subject is not null and (body is not null or (body_id is not null and unsubscribe_url is not null))));
