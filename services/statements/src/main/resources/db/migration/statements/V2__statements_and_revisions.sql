create table statement (
    id               uuid primary key,
    title            text        not null,
    language         text        not null,
    status           text        not null check (status in ('DRAFT', 'OPEN')),
    current_revision int         not null,
    created_at       timestamptz not null,
    opened_at        timestamptz
);

-- Immutable: a save is a new row, never an update.
create table revision (
    statement_id uuid        not null references statement (id),
    number       int         not null,
    title        text        not null,
    body         text        not null,
    content_hash text        not null,
    created_at   timestamptz not null,
    primary key (statement_id, number)
);
