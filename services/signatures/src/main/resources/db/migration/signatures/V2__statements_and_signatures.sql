-- Copies of statements open for signature, from chorus.statements.
create table statement (
    id           uuid primary key,
    title        text        not null,
    language     text        not null,
    revision     int         not null,
    text         text        not null,
    content_hash text        not null,
    opened_at    timestamptz not null
);

create table signature (
    id            uuid primary key,
    statement_id  uuid        not null references statement (id),
    kind          text        not null check (kind in ('ORGANISATION', 'INDIVIDUAL')),
    name          text        not null,
    country       text,
    qualifier     text,
    email         text        not null,
    status        text        not null check (status in ('PENDING', 'CONFIRMED')),
    revision      int         not null,
    revision_hash text        not null,
    -- SHA-256 of the secret in the confirmation link; the secret itself is only in the signer's mail.
    token_hash    text        not null unique,
    submitted_at  timestamptz not null,
    confirmed_at  timestamptz
);

create index signature_statement on signature (statement_id, status);
