-- When sign-on ended, from chorus.statements: the earliest moment a StatementClosed, StatementPublished or
-- StatementWithdrawn names, and when the statement was withdrawn. From the end on nothing is signed, confirmed,
-- corrected, re-consented or declined, and a signature confirmed after it is never exported.
alter table statement
    add column sign_on_ended_at timestamptz,
    add column withdrawn_at     timestamptz;

-- The deadline of the latest ScheduleSet; kept apart because a schedule is often set while the statement is still a
-- draft, before this service has a copy of it. Once it passes nothing more is signed or confirmed.
create table statement_deadline (
    statement_id uuid primary key,
    deadline     timestamptz
);
