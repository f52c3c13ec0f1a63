-- Issue 13: a shard stores its CSV lines (sorted by store id, ReportCsv.fragment) with its done-mark, in one row; the
-- gateway merges the shards' fragments into the report without a database sort, then clears them (the report's csv
-- holds the same lines).
alter table report_shards add column csv text;

-- Reports running across this upgrade stored their shards as rows, which nothing reads any more: fail them with a
-- reason rather than leave them to time out (an owner triggers them again).
update reports
set status = 'FAILED', error = 'interrupted by an upgrade of storemon: trigger the report again', completed_at = now()
where status = 'RUNNING';

drop table report_rows;
