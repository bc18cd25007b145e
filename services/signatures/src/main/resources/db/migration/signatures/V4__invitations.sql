-- Invitations, sent in numbered waves; the contact address never leaves this service except in a mail request.
create table invitation (
    id           uuid primary key,
    statement_id uuid        not null references statement (id),
    wave         int         not null,
    organisation text        not null,
    country      text,
    email        text        not null,
    language     text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null,
    request_id   uuid        not null,
    opened_at    timestamptz,
    declined_at  timestamptz
);

create index invitation_statement on invitation (statement_id, wave);

-- Invite-only statements accept signatures only through an invitation link.
alter table statement add column invite_only boolean not null default false;

alter table signature add column invitation_id uuid references invitation (id);
alter table signature add column wave int;
