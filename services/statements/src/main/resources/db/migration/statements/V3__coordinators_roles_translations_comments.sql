-- Coordinators log in to the console with a password and a TOTP code, and call the API with personal tokens.
create table coordinator (
    id            uuid primary key,
    email         text        not null unique,
    password_hash text        not null,
    totp_secret   text        not null,
    language      text        not null default 'en',
    -- the 30-second step of the last accepted code: a code is accepted once
    totp_last_step bigint,
    created_at    timestamptz not null
);

-- Only the SHA-256 of a token is stored; the token itself is shown once.
create table api_token (
    token_hash     text primary key,
    coordinator_id uuid        not null references coordinator (id),
    name           text        not null,
    created_at     timestamptz not null
);

create table statement_member (
    statement_id   uuid not null references statement (id),
    coordinator_id uuid not null references coordinator (id),
    role           text not null check (role in ('OWNER', 'EDITOR', 'COMMENTER', 'VIEWER')),
    primary key (statement_id, coordinator_id)
);

alter table statement drop constraint statement_status_check;
alter table statement add constraint statement_status_check
    check (status in ('DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED', 'WITHDRAWN'));
alter table statement add column summary text not null default '';
alter table statement add column slug text;
alter table statement add column coalition text not null default '';
alter table statement add column press_contact text not null default '';
alter table statement add column closed_at timestamptz;
alter table statement add column published_at timestamptz;
alter table statement add column withdrawn_at timestamptz;
alter table statement add column withdrawal_reason text;
alter table statement add column deadline timestamptz;
alter table statement add column signature_target int;
alter table statement add column embargo_until timestamptz;
alter table statement add column time_zone text;
update statement set slug = id::text where slug is null;
alter table statement alter column slug set not null;
create unique index statement_slug on statement (slug);

alter table revision add column author_id uuid references coordinator (id);
alter table revision add column material boolean not null default true;

-- Errata after publication: numbered, never changed; a correction of an erratum is a new erratum.
create table erratum (
    statement_id uuid        not null references statement (id),
    number       int         not null,
    text         text        not null,
    author_id    uuid        not null references coordinator (id),
    created_at   timestamptz not null,
    primary key (statement_id, number)
);

create table translation (
    statement_id    uuid        not null references statement (id),
    language        text        not null,
    source_revision int         not null,
    status          text        not null check (status in ('DRAFT', 'REVIEWED', 'FINAL')),
    title           text        not null,
    body            text        not null,
    content_hash    text        not null,
    stale           boolean     not null default false,
    updated_at      timestamptz not null,
    updated_by      uuid        not null references coordinator (id),
    primary key (statement_id, language)
);

create table comment (
    id           uuid primary key,
    statement_id uuid        not null references statement (id),
    revision     int         not null,
    parent_id    uuid references comment (id),
    author_id    uuid        not null references coordinator (id),
    start_offset int         not null,
    end_offset   int         not null,
    quote        text        not null,
    body         text        not null,
    resolved     boolean     not null default false,
    created_at   timestamptz not null,
    foreign key (statement_id, revision) references revision (statement_id, number)
);
create index comment_statement on comment (statement_id, created_at);
