package dev.storemon.worker.shard;

import dev.storemon.uptime.StoreUptime;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a shard's rows and its done-mark in one transaction. The done-mark goes first, with
 * {@code on conflict do nothing}: when two workers race on the same shard, the second one waits for the first to
 * commit, finds the mark, writes nothing, and counts the shard as done.
 */
@Component
class ShardWriter {

    private static final String INSERT_ROWS = """
            insert into report_rows (report_id, store_id, shard, uptime_last_hour, uptime_last_day, uptime_last_week,
                                     downtime_last_hour, downtime_last_day, downtime_last_week)
            select ?, u.store_id, ?, u.uh, u.ud, u.uw, u.dh, u.dd, u.dw
            from unnest(?::text[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[], ?::numeric[])
                 as u(store_id, uh, ud, uw, dh, dd, dw)
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;

    ShardWriter(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
    }

    boolean isDone(UUID reportId, int shard) {
        return jdbc.sql("select exists (select 1 from report_shards where report_id = ? and shard = ?)")
                .params(reportId, shard)
                .query(Boolean.class)
                .single();
    }

    /**
     * Writes the shard.
     *
     * @return true when this call stored the shard, false when another delivery already had
     */
    boolean write(UUID reportId, int shard, String worker, List<StoreUptime> rows) {
        Boolean stored = transactions.execute(status -> {
            int marked =
                    jdbc.sql("""
                            insert into report_shards (report_id, shard, store_count, completed_at, worker)
                            values (?, ?, ?, now(), ?)
                            on conflict do nothing
                            """).params(reportId, shard, rows.size(), worker).update();
            if (marked == 0) {
                return false;
            }
            if (!rows.isEmpty()) {
                jdbcTemplate.execute((ConnectionCallback<Integer>) con -> {
                    try (PreparedStatement insert = con.prepareStatement(INSERT_ROWS)) {
                        insert.setObject(1, reportId);
                        insert.setInt(2, shard);
                        insert.setArray(
                                3,
                                con.createArrayOf(
                                        "text",
                                        rows.stream().map(StoreUptime::storeId).toArray()));
                        insert.setArray(4, numbers(con, rows, StoreUptime::uptimeLastHour));
                        insert.setArray(5, numbers(con, rows, StoreUptime::uptimeLastDay));
                        insert.setArray(6, numbers(con, rows, StoreUptime::uptimeLastWeek));
                        insert.setArray(7, numbers(con, rows, StoreUptime::downtimeLastHour));
                        insert.setArray(8, numbers(con, rows, StoreUptime::downtimeLastDay));
                        insert.setArray(9, numbers(con, rows, StoreUptime::downtimeLastWeek));
                        return insert.executeUpdate();
                    }
                });
            }
            return true;
        });
        return Boolean.TRUE.equals(stored);
    }

    private static Array numbers(
            java.sql.Connection con, List<StoreUptime> rows, Function<StoreUptime, BigDecimal> figure)
            throws java.sql.SQLException {
        return con.createArrayOf("numeric", rows.stream().map(figure).toArray());
    }
}
