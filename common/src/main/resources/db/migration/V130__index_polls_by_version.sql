-- Report workers keep their shards' polls warm and, on a new data version, read only the polls that version stored
-- (ShardCache). Polls are appended load after load, so a block range index on version is tiny, cheap to keep up
-- during a load, and points at the last blocks only.
create index polls_version_brin on polls using brin (version);
