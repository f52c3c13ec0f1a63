create table reports (
    id            uuid primary key,
    status        text        not null,             -- RUNNING | COMPLETE | FAILED
    requested_at  timestamptz not null,
    as_of         timestamptz not null,
    data_version  bigint      not null references data_versions (version),
    interpolation text        not null,             -- nearest | previous
    shard_count   integer     not null,
    completed_at  timestamptz,
    store_count   integer,
    csv           text,
    csv_sha256    text,
    error         text
);
create index reports_running_idx on reports (requested_at) where status = 'RUNNING';

-- A shard's done-mark, written in the same transaction as its rows.
create table report_shards (
    report_id    uuid        not null references reports (id) on delete cascade,
    shard        integer     not null,
    store_count  integer     not null,
    completed_at timestamptz not null,
    primary key (report_id, shard)
);

-- Figures as they appear in the CSV: hour in minutes, day and week in hours, 2 decimals.
create table report_rows (
    report_id          uuid          not null references reports (id) on delete cascade,
    store_id           text          not null,
    shard              integer       not null,
    uptime_last_hour   numeric(8, 2) not null,
    uptime_last_day    numeric(8, 2) not null,
    uptime_last_week   numeric(8, 2) not null,
    downtime_last_hour numeric(8, 2) not null,
    downtime_last_day  numeric(8, 2) not null,
    downtime_last_week numeric(8, 2) not null,
    primary key (report_id, store_id)
);
