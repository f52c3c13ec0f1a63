-- Store ids are opaque strings; polls and schedules refer to a store by a compact key.
-- bucket = dev.storemon.shard.StoreBuckets.of(store_id): a shard reads its stores by a range of buckets.
create table stores (
    store_key serial primary key,
    store_id  text     not null unique,
    bucket    smallint not null
);
create index stores_bucket_idx on stores (bucket, store_key);
