-- "Approval before counting": a coordinator may require that open-link signatures count only once approved.
alter table statement add column approval_required boolean not null default false;
-- A confirmed signature held for moderation: no SignatureConfirmed event yet, not in any export, until approved.
alter table signature add column awaiting_approval boolean not null default false;
