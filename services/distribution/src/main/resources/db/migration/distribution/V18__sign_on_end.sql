-- When sign-on ended for each statement: the earliest moment a StatementClosed, StatementPublished or
-- StatementWithdrawn names. A signatory confirmed after it is never printed in a release, whatever order the events
-- arrived in.
alter table statement_copy
    add column sign_on_ended_at timestamptz;
