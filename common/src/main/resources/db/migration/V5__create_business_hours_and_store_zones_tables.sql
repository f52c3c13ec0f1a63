-- Replaced as a whole by each load: a load writes a complete set under a new schedule_version
-- (or reuses the previous one when the files did not change), so a report never mixes two schedules.
-- day: 0 = Monday .. 6 = Sunday, times in the store's local time.
create table business_hours (
    schedule_version bigint   not null,
    store_key        integer  not null references stores (store_key),
    day              smallint not null check (day between 0 and 6),
    start_local      time     not null,
    end_local        time     not null
);
create index business_hours_version_store_idx on business_hours (schedule_version, store_key);

create table store_zones (
    schedule_version bigint  not null,
    store_key        integer not null references stores (store_key),
    zone_id          text    not null,              -- a valid java.time ZoneId; unknown zones are stored as the default
    primary key (schedule_version, store_key)
);
