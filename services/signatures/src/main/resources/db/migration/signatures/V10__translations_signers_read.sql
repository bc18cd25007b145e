-- Translations of statements, from chorus.statements (TranslationUpdated), kept whatever their status: a signer who
-- chose a language reads (signs, confirms, re-consents to) its FINAL translation unless a material revision of the
-- primary text made it stale since; otherwise the primary text. Kept apart from statement: a translation can be saved
-- before the statement is opened here.
create table statement_translation (
    statement_id    uuid    not null,
    language        text    not null,
    source_revision int     not null,
    status          text    not null,
    title           text    not null,
    text            text    not null,
    content_hash    text    not null,
    stale           boolean not null,
    primary key (statement_id, language)
);

-- The version a signer read when they signed or last re-consented: the language of the text and its fingerprint (a
-- translation's own content hash, or the primary's). Null for signatures from before, and imported ones: the primary
-- text of revision_hash.
alter table signature add column text_language text;
alter table signature add column text_hash text;
