-- A release whose every row is done ends as SENT (it used to stay SENDING with completed_at set).
alter table release drop constraint release_state_check;
alter table release add constraint release_state_check
    check (state in ('SCHEDULED', 'SENDING', 'HELD', 'CANCELLED', 'SENT'));
update release set state = 'SENT' where state = 'SENDING' and completed_at is not null;
