-- The unique key (release_id, contact_id) already finds a release's rows; this second index on release_id only cost
-- an index entry on every change of a row's status or lease.
drop index delivery_per_release;
