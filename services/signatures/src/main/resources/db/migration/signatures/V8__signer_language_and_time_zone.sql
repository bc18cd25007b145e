-- The language a signer signed in (the sign page's language): their confirmation, re-consent mail and the pages those
-- mails link to speak it. Null for signatures from before it was kept, and imported ones: the statement's language.
alter table signature add column language text;

-- The time zone the coordinator chose for the statement's schedule: dates in mail and pages are written in it.
alter table statement_deadline add column time_zone text;
