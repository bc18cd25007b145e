-- The sender claims due rows in (next_attempt_at, id) order and expired leases in (claimed_at, id) order. With the id
-- in the index each claim reads its batch straight from the index; before, a release's 20,000 rows, all due at the
-- same instant, were read and sorted on every claim of 50 (16 ms each, a third of PostgreSQL's time in a release).
drop index delivery_due;
create index delivery_due on delivery (next_attempt_at, id) where status = 'PLANNED' and not wait_for_embargo;
drop index delivery_leased;
create index delivery_leased on delivery (claimed_at, id) where status = 'SENDING';
