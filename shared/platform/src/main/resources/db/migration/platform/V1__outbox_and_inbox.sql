-- Shared by every service, in that service's own schema.

-- Events written in the same transaction as the state they describe; the relay publishes and deletes them.
create table outbox (
    id          bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    record_key  text        not null,
    payload     text        not null,
    created_at  timestamptz not null default now()
);

-- Events a consumer has already applied; inserted in the same transaction as the effect.
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);
