-- Everything below is derived from events only, with event times (never now()), so that a rebuild from the topics
-- produces the same rows. Counts stay GROUP BY queries over one row per signature: no hot counter row.

-- What a signature is: visibility, and the invitation and wave it answered (null for open sign-on).
alter table signature add column visibility text not null default 'PUBLIC' check (visibility in ('PUBLIC', 'WITHHELD'));
alter table signature add column invitation_id uuid;
alter table signature add column wave int;

-- A signature that stopped counting (withdrawn, rejected, merged into another). The signature row stays: history is
-- never deleted. A separate row per signature makes the order of confirmation and removal irrelevant.
create table signature_removal (
    signature_id uuid primary key,
    statement_id uuid        not null,
    reason       text        not null check (reason in ('WITHDRAWN', 'REJECTED', 'MERGED')),
    removed_at   timestamptz not null
);

-- Newer revisions a signer confirmed after a re-consent request; the effective revision is the highest.
create table reconfirmation (
    signature_id  uuid not null,
    statement_id  uuid not null,
    revision      int  not null,
    revision_hash text not null,
    primary key (signature_id, revision)
);

-- Re-consent requests per statement; the one with the highest revision is current.
create table reconsent (
    statement_id uuid        not null,
    revision     int         not null,
    content_hash text        not null,
    deadline     timestamptz,
    primary key (statement_id, revision)
);

-- The statement's schedule as its latest ScheduleSet described it. May arrive before the statement opened.
create table schedule (
    statement_id     uuid primary key,
    deadline         timestamptz,
    signature_target int,
    embargo_until    timestamptz,
    time_zone        text,
    set_at           timestamptz not null
);

-- Sign-on ended: the statement was closed or withdrawn (the first of the two seen). No reminders after that.
create table statement_end (
    statement_id uuid primary key,
    reason       text        not null check (reason in ('CLOSED', 'WITHDRAWN')),
    ended_at     timestamptz not null
);

-- One row per invitee. Every column but the id may arrive in any order, so all are nullable and only filled once.
create table invitation (
    invitation_id uuid primary key,
    statement_id  uuid        not null,
    wave          int,
    organisation  text,
    country       text,
    language      text,
    created_at    timestamptz,
    request_id    uuid,
    sent_at       timestamptz,
    opened_at     timestamptz,
    declined_at   timestamptz
);
create index invitation_statement on invitation (statement_id);
create index invitation_request on invitation (request_id);

-- What distribution reported about a requested mail, keyed by the request: may arrive before the InvitationSent
-- that names the request.
create table mail_outcome (
    request_id   uuid primary key,
    delivered_at timestamptz,
    bounced_at   timestamptz,
    hard_bounce  boolean
);

create index signature_invitation on signature (invitation_id) where invitation_id is not null;

-- Decisions of tracking itself (not projections of the topics, so a rebuild leaves them alone): each milestone
-- and each reminder is published once.
create table milestone (
    statement_id uuid        not null,
    kind         text        not null check (kind in ('TARGET_REACHED', 'DEADLINE_APPROACHING', 'DEADLINE_PASSED')),
    detail       int         not null,
    decided_at   timestamptz not null,
    published    boolean     not null,
    primary key (statement_id, kind, detail)
);

create table reminder (
    reminder_id   uuid primary key,
    invitation_id uuid        not null,
    statement_id  uuid        not null,
    number        int         not null,
    triggered_at  timestamptz not null,
    unique (invitation_id, number)
);
