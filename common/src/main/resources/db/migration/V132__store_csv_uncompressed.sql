-- Issue 13: a report's CSV (~530 KB at full size) and its shards' fragments are written once and read whole; pglz
-- compression of them cost the completing transaction and every shard write CPU, for a disk saving nobody needs at
-- seven days of retention. Out of line (TOAST) still, not compressed.
alter table reports alter column csv set storage external;
alter table report_shards alter column csv set storage external;
