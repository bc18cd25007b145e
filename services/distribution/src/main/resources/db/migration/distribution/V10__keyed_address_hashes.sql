-- Address hashes of the suppression lists become keyed: HMAC-SHA256 of the lower-cased address under
-- chorus.distribution.suppression-key, which is never stored here, so hashing candidate addresses against a copy of
-- these tables finds nothing. Each query passes the key's inner and outer pads (RFC 2104). Rows written before keep
-- their unkeyed SHA-256 ('sha256') and are honoured as before: nobody suppressed receives mail again.
alter table suppression
    add column scheme text not null default 'sha256' check (scheme in ('sha256', 'hmac-sha256'));
alter table suppression alter column scheme drop default;
alter table request_suppression
    add column scheme text not null default 'sha256' check (scheme in ('sha256', 'hmac-sha256'));
alter table request_suppression alter column scheme drop default;
alter table request_unsubscribe_token
    add column scheme text not null default 'sha256' check (scheme in ('sha256', 'hmac-sha256'));
alter table request_unsubscribe_token alter column scheme drop default;

create function address_hmac(address text, inner_pad bytea, outer_pad bytea) returns text
    language sql immutable strict
    as $$ select encode(sha256(outer_pad || sha256(inner_pad || convert_to(lower(address), 'UTF8'))), 'hex') $$;

-- The address on the release suppression list, under either scheme.
create function address_suppressed(address text, inner_pad bytea, outer_pad bytea) returns boolean
    language sql stable
    as $$ select exists (select 1 from suppression s
                         where (s.scheme = 'hmac-sha256' and s.address_hash = address_hmac(address, inner_pad, outer_pad))
                            or (s.scheme = 'sha256' and s.address_hash = address_hash(address))) $$;
