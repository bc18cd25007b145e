-- Coordinators list and revoke their tokens by an id that is not the secret; the list says when each was last used
-- (to the minute) and when it expires. Console-session tokens are marked, so that they stay out of that list.
alter table api_token add column id uuid not null default gen_random_uuid();
create unique index api_token_id on api_token (id);
alter table api_token add column kind text not null default 'PERSONAL' check (kind in ('PERSONAL', 'SESSION'));
update api_token set kind = 'SESSION' where name = 'console session' and expires_at is not null;
alter table api_token add column last_used_at timestamptz;
create index api_token_coordinator on api_token (coordinator_id);
