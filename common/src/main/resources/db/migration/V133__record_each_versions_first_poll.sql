-- Issue 13: the first poll of a data version (its polls and its predecessors'), recorded by the ingest like
-- latest_poll_at, so that checking an explicit as_of (a week either side of the loaded polls) reads one row instead
-- of probing every store's polls: 10,000 probes took ~0.1 s, 100,000 ran past the gateway's statement timeout while a
-- worker pre-warmed. Null for versions loaded before this migration: the gateway then probes as before.
alter table data_versions add column first_poll_at timestamptz;
