-- Errata added to published statements (chorus.statement.erratum-added.v1): a release sent after them prints the log
-- under the text.
create table statement_erratum (
    statement_id uuid        not null,
    number       int         not null,
    text         text        not null,
    added_at     timestamptz not null,
    primary key (statement_id, number)
);
