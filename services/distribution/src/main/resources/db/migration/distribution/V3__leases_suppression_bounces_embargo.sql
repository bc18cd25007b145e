-- Contacts: who they are, where they came from, and whether they may still be mailed.
alter table contact
    add column role          text,
    add column country       text,
    add column beat          text,
    add column type          text check (type in ('PRESS', 'POLICY')),
    add column tags          text[]      not null default '{}',
    add column source        text,
    add column consent_basis text,
    add column accredited    boolean     not null default false,
    add column soft_bounces  int         not null default 0,
    add column unsubscribed_at timestamptz,
    add column removed_at    timestamptz;

-- Addresses that never receive a release again, kept as a SHA-256 of the lower-cased address so that the
-- suppression outlives the deletion of a removed contact's personal data.
create table suppression (
    address_hash text primary key,
    reason       text        not null check (reason in ('UNSUBSCRIBED', 'HARD_BOUNCE', 'SOFT_BOUNCES', 'REMOVED')),
    contact_id   uuid,
    created_at   timestamptz not null default now()
);

-- One-click unsubscribe links: only the SHA-256 of each random token is stored.
create table unsubscribe_token (
    token_hash text primary key,
    contact_id uuid        not null references contact (id),
    created_at timestamptz not null default now()
);

-- Releases: an optional embargo, and a state the coordinator can see and decide on.
alter table release
    add column embargo_until timestamptz,
    add column state         text not null default 'SENDING'
        check (state in ('SCHEDULED', 'SENDING', 'HELD', 'CANCELLED')),
    add column decision      text check (decision in ('SEND', 'CANCEL')),
    add column decided_by    text,
    add column decided_at    timestamptz,
    add column completed_at  timestamptz;

create index release_scheduled on release (embargo_until) where state = 'SCHEDULED';

-- The statement's time zone (for embargo times) and planned embargo, from chorus.statement.schedule-set.v1; it may
-- arrive before the statement is opened.
create table statement_schedule (
    statement_id  uuid primary key,
    time_zone     text,
    embargo_until timestamptz
);

-- Ledger: a claim is a lease (who, since when); a SENDING row whose lease expired is examined again.
alter table delivery drop constraint delivery_status_check;
alter table delivery
    add constraint delivery_status_check
        check (status in ('PLANNED', 'SENDING', 'SENT', 'FAILED', 'BOUNCED', 'SUPPRESSED', 'CANCELLED')),
    add column claimed_at        timestamptz,
    add column claimed_by        text,
    add column wait_for_embargo  boolean not null default false,
    add column early             boolean not null default false,
    add column unsubscribe_url   text,
    add column language          text;

create index delivery_leased on delivery (claimed_at) where status = 'SENDING';
drop index delivery_due;
create index delivery_due on delivery (next_attempt_at) where status = 'PLANNED' and not wait_for_embargo;

-- What was decided about a row found SENDING under an expired lease: it may or may not have left, so it is sent
-- again with the same Message-ID, which lets receivers drop a copy.
create table delivery_recovery (
    id             bigint generated always as identity primary key,
    delivery_id    bigint      not null references delivery (id),
    previous_owner text,
    lease_since    timestamptz,
    decided_by     text        not null,
    decision       text        not null,
    decided_at     timestamptz not null default now()
);

-- Delivery status notifications and provider reports, each applied once.
create table bounce (
    report_id   text primary key,
    delivery_id bigint      not null references delivery (id),
    hard        boolean     not null,
    reason      text,
    received_at timestamptz not null default now()
);

create function address_hash(address text) returns text
    language sql immutable strict
    as $$ select encode(sha256(convert_to(lower(address), 'UTF8')), 'hex') $$;

-- The latest FINAL translation per language, from chorus.statement.translation-updated.v1.
create table statement_translation (
    statement_id    uuid not null,
    language        text not null,
    title           text not null,
    text            text not null,
    source_revision int  not null,
    primary key (statement_id, language)
);

alter table statement_copy add column published_revision int;

-- Saved segments of a list: a contact matches when it matches every criterion that is not empty.
create table segment (
    id         uuid primary key,
    list_id    uuid        not null references contact_list (id),
    name       text        not null,
    countries  text[]      not null default '{}',
    languages  text[]      not null default '{}',
    types      text[]      not null default '{}',
    tags       text[]      not null default '{}',
    created_at timestamptz not null default now()
);

alter table release add column segment_id uuid references segment (id);

-- Retention: the personal data of removed contacts is deleted after a configurable period; the suppression list
-- keeps only a hash of the address.
alter table contact alter column email drop not null;
alter table contact add column purged_at timestamptz;
alter table delivery alter column recipient_address drop not null;

-- Contacts imported in one transaction keep the file's order.
alter table contact alter column created_at set default clock_timestamp();
