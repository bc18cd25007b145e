-- Every save of a translation is an immutable revision; the translation row is the current state (status, stale).
create table translation_revision (
    statement_id    uuid        not null references statement (id),
    language        text        not null,
    number          int         not null,
    source_revision int         not null,
    status          text        not null check (status in ('DRAFT', 'REVIEWED', 'FINAL')),
    title           text        not null,
    body            text        not null,
    content_hash    text        not null,
    author_id       uuid        not null references coordinator (id),
    created_at      timestamptz not null,
    primary key (statement_id, language, number),
    foreign key (statement_id, source_revision) references revision (statement_id, number)
);

alter table translation add column revision int not null default 1;

insert into translation_revision (statement_id, language, number, source_revision, status, title, body, content_hash,
                                  author_id, created_at)
select statement_id, language, 1, source_revision, status, title, body, content_hash, updated_by, updated_at
from translation;
