-- Confirmed signatories who asked not to be named: never printed, only counted, so that a release says
-- "and 2 signatories who asked not to be named" under the names. No name, no country: only the signature and when
-- it was confirmed (a confirmation after sign-on ended is not counted, as it is not printed).
create table withheld_signatory (
    signature_id uuid primary key,
    statement_id uuid not null,
    confirmed_at timestamptz not null
);
create index withheld_signatory_statement on withheld_signatory (statement_id);
