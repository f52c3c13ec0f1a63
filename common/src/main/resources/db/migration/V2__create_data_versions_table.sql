-- Every successful load produces a new data version. A report pins one version and reads only what it holds:
-- polls with polls.version <= its version, and the business hours and zones stored under its schedule_version.
create table data_versions (
    version          bigint primary key,
    ingest_run_id    bigint      not null references ingest_runs (id),
    created_at       timestamptz not null default now(),
    latest_poll_at   timestamptz,                   -- the default as_of of reports on this version
    schedule_version bigint      not null           -- where this version's business_hours and store_zones rows live
);
