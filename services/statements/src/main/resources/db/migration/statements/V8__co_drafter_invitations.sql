-- Co-drafters are invited by e-mail address whether or not an account has that address yet, so that inviting answers
-- alike for both and tells nobody which addresses have accounts. An account created later with the address becomes a
-- member with the invited role.
create table statement_invitation (
    statement_id uuid not null references statement (id),
    email        text not null,
    role         text not null check (role in ('OWNER', 'EDITOR', 'COMMENTER', 'VIEWER')),
    invited_at   timestamptz not null,
    primary key (statement_id, email)
);
create index statement_invitation_email on statement_invitation (email);
