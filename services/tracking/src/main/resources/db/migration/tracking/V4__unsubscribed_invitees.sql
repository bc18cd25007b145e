-- The recipient of a requested mail (an invitation or a reminder) asked through it not to be mailed again. Keyed by
-- the request like the other outcomes: it may arrive before the InvitationSent (or reminder) that names the request.
alter table mail_outcome add column unsubscribed_at timestamptz;

-- Reminder mails are requested with the reminder's id as request id, so their outcomes join through this table.
create index reminder_invitation on reminder (invitation_id, reminder_id);
