-- Signatures withdrawn, rejected or merged away: their names never return to a release, even if an older event about
-- them is read again (a rebuild, a redelivery after the removal).
create table signatory_removal (
    signature_id uuid primary key
);
