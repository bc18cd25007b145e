-- A confirmation mail that its mailbox's budget could not send at once waits here, already sealed for distribution
-- (this service cannot open it), until the budget lets it go (abuse.ConfirmationMailBudget, signon.HeldMails): nothing
-- is refused, the newest sign-on of each sender is kept. One per mailbox, statement and sender: a later sign-on from
-- the same sender replaces the earlier one, whose signature is deleted (nobody ever had its link). Mailbox, sender and
-- network are keyed hashes (HMAC-SHA256 under the link secret), never addresses; a row goes once its mail is
-- requested, or with its signature.
create table held_confirmation_mail (
    signature_id uuid primary key references signature (id) on delete cascade,
    statement_id uuid        not null,
    mailbox_key  text        not null,
    sender_key   text        not null,
    network_key  text        not null,
    held_since   timestamptz not null,
    request_id   uuid        not null,
    mail_request text        not null,
    unique (mailbox_key, statement_id, sender_key)
);
create index held_confirmation_mail_mailbox on held_confirmation_mail (mailbox_key, held_since);
