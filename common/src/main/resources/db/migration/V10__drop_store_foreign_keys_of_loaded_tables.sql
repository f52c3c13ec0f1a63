-- The ingest worker inserts polls, business hours and zones only by joining its staging tables with stores, so every
-- store_key it writes exists. The foreign keys re-checked that row by row (a trigger and a row lock on stores per
-- inserted row), which made a full load of 1.9 million polls about ten times slower. See docs/ingest.md.
alter table polls drop constraint if exists polls_store_key_fkey;
alter table business_hours drop constraint if exists business_hours_store_key_fkey;
alter table store_zones drop constraint if exists store_zones_store_key_fkey;
