-- Tokens created at console login, so that the coordinator's browser may open the consoles of the other services;
-- they expire, and are deleted at logout. Personal API tokens keep expires_at null.
alter table api_token add column expires_at timestamptz;
