-- A contact list (with its contacts, segments and imports) belongs to one coalition, a group of coordinators the
-- statements service keeps; coordinators of any other coalition get 404 for it, and a release may only use lists of
-- its statement's coalition. Lists made before have no coalition: nobody reaches them until an administrator gives
-- each to its coalition (PUT /api/admin/contact-lists/{id}/coalition), so no coalition sees another's contacts.
alter table contact_list add column coalition_id uuid;
create index contact_list_coalition on contact_list (coalition_id);
