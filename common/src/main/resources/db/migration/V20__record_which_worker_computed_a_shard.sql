-- Which report worker computed a shard: for operators, and for tests that check the work spread over workers.
alter table report_shards add column worker text;
