-- Administrators may run operator actions across services (tracking's rebuild, for one); /api/me answers the flag.
-- The bootstrap coordinator is one; an administrator makes others with PUT /api/coordinators/{id}/admin.
alter table coordinator add column admin boolean not null default false;
