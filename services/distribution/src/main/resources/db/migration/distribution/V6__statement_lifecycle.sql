-- Where each statement is in its lifecycle, from chorus.statements: only a PUBLISHED statement is released. The
-- status only moves forward (OPEN -> CLOSED -> PUBLISHED -> WITHDRAWN), so an older event read again changes nothing.
alter table statement_copy
    add column status text not null default 'OPEN' check (status in ('OPEN', 'CLOSED', 'PUBLISHED', 'WITHDRAWN'));
update statement_copy set status = 'PUBLISHED' where published_revision is not null;

-- A release stopped because its statement was withdrawn: when, and the statement's reason.
alter table release
    add column stopped_at     timestamptz,
    add column stopped_reason text;
