-- Release mail reports its delivery, failure and bounces too: its ledger rows name the statement as event subject.
update delivery d set event_subject = r.statement_id::text
from release r
where d.release_id = r.id and d.event_subject is null;
