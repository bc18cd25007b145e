create table contact_list (
    id         uuid primary key,
    name       text        not null,
    created_at timestamptz not null default now()
);

create table contact (
    id         uuid primary key,
    list_id    uuid        not null references contact_list (id),
    name       text        not null,
    email      text        not null,
    outlet     text,
    language   text,
    created_at timestamptz not null default now()
);

create unique index contact_email_per_list on contact (list_id, lower(email));

-- The text of a statement as it was opened for signature, copied from chorus.statements.
create table statement_copy (
    id           uuid primary key,
    title        text not null,
    language     text not null,
    text         text not null,
    content_hash text not null,
    revision     int  not null
);

-- Confirmed public signatories, copied from chorus.signatures; seq keeps arrival order stable.
create table signatory (
    signature_id uuid primary key,
    statement_id uuid        not null,
    name         text        not null,
    country      text,
    qualifier    text,
    confirmed_at timestamptz not null,
    seq          bigint generated always as identity
);

create index signatory_order on signatory (statement_id, confirmed_at, seq);

create table release (
    id              uuid primary key,
    statement_id    uuid        not null references statement_copy (id),
    contact_list_id uuid        not null references contact_list (id),
    content_hash    text        not null,
    signatories     int         not null,
    recipients      int         not null,
    created_at      timestamptz not null default now()
);

-- One row per mail to one recipient. A mail is sent only by moving its row PLANNED -> SENDING (committed) first;
-- the unique keys make a duplicated request or a re-planned release produce no second row.
create table delivery (
    id                bigint generated always as identity primary key,
    kind              text        not null check (kind in ('MAIL_REQUEST', 'RELEASE')),
    request_id        uuid unique,
    template          text,
    release_id        uuid references release (id),
    contact_id        uuid references contact (id),
    event_subject     text,
    recipient_address text        not null,
    recipient_name    text,
    mail_subject      text,
    body              text,
    message_id        text        not null unique,
    status            text        not null check (status in ('PLANNED', 'SENDING', 'SENT', 'FAILED')),
    attempts          int         not null default 0,
    next_attempt_at   timestamptz not null default now(),
    last_error        text,
    created_at        timestamptz not null default now(),
    sent_at           timestamptz,
    unique (release_id, contact_id),
    check ((kind = 'MAIL_REQUEST') = (request_id is not null)),
    check ((kind = 'RELEASE') = (release_id is not null and contact_id is not null)),
    check (status = 'FAILED' or (mail_subject is not null and body is not null))
);

create index delivery_due on delivery (next_attempt_at) where status = 'PLANNED';
create index delivery_per_release on delivery (release_id) where release_id is not null;
