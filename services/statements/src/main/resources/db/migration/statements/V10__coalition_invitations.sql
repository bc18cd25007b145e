-- Adding a colleague to a coalition invites their address; they join when they accept. The invitation is stored by
-- address whether or not an account has it, so adding answers alike for both and tells nobody who has an account.
create table coalition_invitation (
    coalition_id uuid        not null references coalition (id),
    email        text        not null,
    invited_by   uuid        not null references coordinator (id),
    invited_at   timestamptz not null,
    primary key (coalition_id, email)
);
create index coalition_invitation_email on coalition_invitation (email);
-- Co-drafters likewise (statement_invitation, V8): an invited address, with an account or one made later, joins a
-- statement only when its coordinator accepts; the row is the pending invitation until then.
