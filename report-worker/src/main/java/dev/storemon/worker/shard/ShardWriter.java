package dev.storemon.worker.shard;

import dev.storemon.uptime.ReportCsv;
import dev.storemon.uptime.StoreUptime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Stores a shard: its done-mark and its CSV lines ({@link ReportCsv#fragment}) in one row, one statement, with
 * {@code on conflict do nothing}: when two workers race on the same shard, the second one waits for the first to
 * commit, finds the mark, writes nothing, and counts the shard as done. The gateway merges the fragments.
 */
@Component
class ShardWriter {

    private final JdbcClient jdbc;

    ShardWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Writes the shard.
     *
     * @return true when this call stored the shard, false when another delivery already had
     */
    boolean write(UUID reportId, int shard, String worker, List<StoreUptime> rows) {
        int marked = jdbc.sql("""
                        insert into report_shards (report_id, shard, store_count, completed_at, worker, csv)
                        values (?, ?, ?, now(), ?, ?)
                        on conflict do nothing
                        """)
                .params(reportId, shard, rows.size(), worker, ReportCsv.fragment(rows))
                .update();
        return marked > 0;
    }
}
