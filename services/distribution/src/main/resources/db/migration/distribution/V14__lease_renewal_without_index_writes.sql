-- The sender renews a row's lease right before its mail leaves. With claimed_at in an index every renewal wrote a
-- new entry into each of the table's indexes; now no index holds claimed_at, so PostgreSQL can renew in place (a HOT
-- update) when the page has room, which the lower fill factor keeps. Rows SENDING are few (the batches claimed at
-- this moment), so finding expired leases among them needs no order from the index.
drop index delivery_leased;
create index delivery_leased on delivery (id) where status = 'SENDING';
alter table delivery set (fillfactor = 70);
