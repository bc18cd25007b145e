-- An invitee who signed withheld is no longer named in tracking's tables (a copy of them must not tell who signed
-- withheld): the projection blanks organisation and country when such a signature arrives; this clears the rows
-- written before it did.
update invitation set organisation = null, country = null
where invitation_id in (select s.invitation_id from signature s
                        where s.visibility = 'WITHHELD' and s.invitation_id is not null);
