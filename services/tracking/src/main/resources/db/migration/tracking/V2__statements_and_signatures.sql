-- Read models built from events only. Counts are never stored as counters: they are GROUP BY queries over one row
-- per signature, so a burst of confirmations inserts distinct rows and never queues on one hot row.

-- A statement as its latest StatementOpened described it. Later slices add targets and deadlines here.
create table statement (
    id           uuid primary key,
    title        text        not null,
    language     text        not null,
    revision     int         not null,
    content_hash text        not null,
    opened_at    timestamptz not null
);

-- One row per confirmed signature, keyed by the signature, so a republished confirmation changes nothing.
-- No foreign key to statement: confirmations travel on another topic and may arrive before the statement opened.
-- Later slices add nullable columns for what a signature becomes (withdrawn_at, rejected_at, visibility, wave).
create table signature (
    signature_id  uuid primary key,
    statement_id  uuid        not null,
    kind          text        not null check (kind in ('ORGANISATION', 'INDIVIDUAL')),
    country       text,
    revision      int         not null,
    revision_hash text        not null,
    confirmed_at  timestamptz not null
);

-- Covers the count queries: an index-only scan over one statement's signatures.
create index signature_counts on signature (statement_id, kind, country);
