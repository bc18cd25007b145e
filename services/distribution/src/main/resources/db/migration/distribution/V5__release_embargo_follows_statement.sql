-- A release's embargo is the statement's (chorus.statement.schedule-set.v1) and follows it while nothing has been
-- sent, unless a coordinator set an embargo on the release itself: that one is kept and shown as an override.
alter table release add column embargo_override boolean not null default false;
update release set embargo_override = embargo_until is not null;
