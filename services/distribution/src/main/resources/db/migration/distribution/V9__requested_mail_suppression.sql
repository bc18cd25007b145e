-- Requested mail (invitations, reminders, confirmations …) has its own suppression list, kept like the release list as
-- an address hash: scope '*' after a hard bounce (no requested mail at all), or the kind of mail the recipient
-- unsubscribed from ('invitation': invitations and their reminders).
create table request_suppression (
    address_hash text        not null,
    scope        text        not null,
    reason       text        not null check (reason in ('HARD_BOUNCE', 'UNSUBSCRIBED')),
    created_at   timestamptz not null default now(),
    primary key (address_hash, scope)
);

-- Unsubscribe links in invitations and reminders: only the SHA-256 of each random token is stored, with the request
-- it came in and the address hash it suppresses.
create table request_unsubscribe_token (
    token_hash    text primary key,
    request_id    uuid        not null,
    template      text        not null,
    event_subject text,
    address_hash  text        not null,
    language      text,
    created_at    timestamptz not null default now(),
    used_at       timestamptz
);

-- A request to a suppressed address is recorded as SUPPRESSED without a rendered mail (and without the address).
do $$
declare
    name text;
begin
    select conname into name from pg_constraint
    where conrelid = 'delivery'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%mail_subject IS NOT NULL%';
    execute format('alter table delivery drop constraint %I', name);
end $$;
alter table delivery
    add constraint delivery_unsent_without_mail
        check (status in ('FAILED', 'SUPPRESSED') or (mail_subject is not null and body is not null));
