-- Owners (issue 12). store_owners.csv is loaded like hours and zones: a complete set under owner_version = the data
-- version that loaded it, reused while the file is unchanged. data_versions.owner_version is null when the version has
-- no owners file (then no store has an owner). No foreign key to stores, as for the other loaded tables (V10).
create table store_owners (
    owner_version bigint  not null,
    store_key     integer not null,
    owner_id      text    not null,
    primary key (owner_version, store_key)
);
create index store_owners_owner_idx on store_owners (owner_version, owner_id, store_key);

alter table data_versions add column owner_version bigint;

-- API keys: only the SHA-256 of a key is stored; a revoked key keeps its row (who had it, when it ended).
create table api_keys (
    key_id     text        primary key,
    owner_id   text        not null,
    key_sha256 bytea       not null unique,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

-- Who triggered a report (key_id null: the admin key, or security off) and which stores it covers (owner_id null: all).
alter table reports add column key_id text;
alter table reports add column owner_id text;
