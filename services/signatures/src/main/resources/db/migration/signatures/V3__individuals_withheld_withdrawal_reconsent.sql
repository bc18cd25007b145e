-- Individuals, withheld-but-counted signers, withdrawal and correction, re-consent, audit trail.

-- What the statements service told us about the statement's life after opening.
alter table statement add column published_at timestamptz;
-- Set when a material revision asks confirmed signers to re-consent.
alter table statement add column reconsent_deadline timestamptz;
alter table statement add column reconsent_resolved text check (reconsent_resolved in ('KEEP', 'DROP'));

-- Per-statement data key (AES-256), wrapped (AES-GCM) by the master key from configuration.
create table statement_key (
    statement_id uuid primary key references statement (id),
    wrapped_key  bytea       not null,
    created_at   timestamptz not null
);

-- A withheld signer's name, qualifier/affiliation and e-mail live only in sealed_identity (AES-GCM under the
-- statement's data key); the plain columns stay null.
alter table signature alter column name drop not null;
alter table signature alter column email drop not null;
alter table signature add column visibility text not null default 'PUBLIC' check (visibility in ('PUBLIC', 'WITHHELD'));
-- Whether a withheld signer allows their country to be counted (always true for public signers).
alter table signature add column country_counted boolean not null default true;
alter table signature add column sealed_identity bytea;
alter table signature add column origin text not null default 'OPEN_LINK' check (origin in ('OPEN_LINK', 'IMPORTED'));
-- Kept after a material revision the signer did not re-confirm, by the coordinator's choice.
alter table signature add column flagged boolean not null default false;
-- SHA-256 of the secret in the re-consent link for the statement's current revision.
alter table signature add column reconsent_token_hash text unique;
alter table signature add column reason text;
alter table signature add column merged_into uuid;
-- Set when a coordinator approved an open-link signature in moderation (invited and imported ones need none).
alter table signature add column approved_at timestamptz;
-- Stable order of arrival, for exports "by time".
alter table signature add column seq bigint generated always as identity;

alter table signature drop constraint signature_status_check;
alter table signature add constraint signature_status_check
    check (status in ('PENDING', 'CONFIRMED', 'WITHDRAWN', 'REJECTED', 'MERGED'));

-- Every change to a signature, for the coordinator. Details of withheld signers name fields, never values.
create table signature_audit (
    id           bigint generated always as identity primary key,
    signature_id uuid        not null references signature (id) on delete cascade,
    statement_id uuid        not null,
    at           timestamptz not null,
    actor        text        not null check (actor in ('SIGNER', 'COORDINATOR', 'SYSTEM')),
    action       text        not null,
    detail       text
);

create index signature_audit_signature on signature_audit (signature_id, id);
create index signature_pending_age on signature (submitted_at) where status = 'PENDING';
