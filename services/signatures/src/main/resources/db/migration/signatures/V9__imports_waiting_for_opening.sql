-- A signatory list confirmed in the console while its statement is still a draft (pasted with the statement): this
-- service learns of a statement only when it opens, so the lines wait here and become confirmed, imported signatures
-- in the transaction that applies the opening.
create table waiting_import (
    id           uuid primary key,
    statement_id uuid        not null,
    block        text        not null,
    entries      int         not null,
    created_at   timestamptz not null
);
create index waiting_import_statement on waiting_import (statement_id);
