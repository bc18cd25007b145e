-- The person who signs for an organisation: kept with the signature for the coordinators, never published.
-- Null for individuals, imported signatures and (sealed with the rest of the identity) withheld signers.
alter table signature add column contact_name text;
