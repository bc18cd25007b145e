-- A coalition is a group of coordinators. Each statement belongs to one, and so do distribution's contact lists,
-- segments and imports: another coalition's coordinators get 404 for them. GET /api/me names the caller's coalitions.
create table coalition (
    id         uuid primary key,
    name       text        not null,
    created_at timestamptz not null
);

create table coalition_member (
    coalition_id   uuid        not null references coalition (id),
    coordinator_id uuid        not null references coordinator (id),
    joined_at      timestamptz not null,
    primary key (coalition_id, coordinator_id)
);
create index coalition_member_coordinator on coalition_member (coordinator_id, joined_at);

-- Every coordinator so far gets a personal coalition (with the coordinator's id), as every new one does.
insert into coalition (id, name, created_at) select id, email, created_at from coordinator;
insert into coalition_member (coalition_id, coordinator_id, joined_at) select id, id, created_at from coordinator;

-- A statement so far belongs to its owner's personal coalition (the first owner's, or another member's if it has no
-- owner); a statement nobody holds a role on gets a coalition of its own, without members.
alter table statement add column coalition_id uuid references coalition (id);
update statement s set coalition_id = (
    select m.coordinator_id from statement_member m where m.statement_id = s.id
    order by (m.role = 'OWNER') desc, m.coordinator_id limit 1);
insert into coalition (id, name, created_at)
    select id, 'statement ' || slug, created_at from statement where coalition_id is null;
update statement set coalition_id = id where coalition_id is null;
alter table statement alter column coalition_id set not null;
create index statement_coalition on statement (coalition_id);
