package dev.storemon.gateway.report;

import dev.storemon.observability.LogFields;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads reports and fails them. Completion is {@link ReportCompleter}'s job. */
@Component
class Reports {

    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    private final JdbcClient jdbc;
    private final ReportMetrics metrics;

    Reports(JdbcClient jdbc, ReportMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    Optional<Report> find(UUID id) {
        return jdbc.sql("""
                        select r.id, r.status, r.as_of, r.data_version, r.interpolation, r.shard_count,
                               (select count(*) from report_shards s where s.report_id = r.id) as shards_done,
                               r.store_count, r.csv, r.error
                        from reports r
                        where r.id = ?
                        """)
                .param(id)
                .query((rs, n) -> new Report(
                        rs.getObject(1, UUID.class),
                        ReportStatus.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        (Integer) rs.getObject(8),
                        rs.getString(9),
                        rs.getString(10)))
                .optional();
    }

    /** Fails a report that is still running; a report that already ended keeps its outcome. */
    boolean fail(UUID id, String reason) {
        try (LogFields.Scope logged = LogFields.put(LogFields.REPORT_ID, id)) {
            return failRunning(id, reason);
        }
    }

    private boolean failRunning(UUID id, String reason) {
        int updated = jdbc.sql("""
                        update reports set status = 'FAILED', error = ?, completed_at = now()
                        where id = ? and status = 'RUNNING'
                        """).params(reason, id).update();
        if (updated > 0) {
            log.warn("report {} failed: {}", id, reason);
            metrics.ended(id);
        }
        return updated > 0;
    }

    /** Running reports whose shards are all stored: {@link ReportCompleter} should have completed them. */
    List<UUID> runningWithAllShardsDone() {
        return jdbc.sql("""
                        select r.id from reports r
                        where r.status = 'RUNNING'
                          and (select count(*) from report_shards s where s.report_id = r.id) >= r.shard_count
                        """).query(UUID.class).list();
    }

    /** Running reports requested longer ago than {@code timeout}. */
    List<UUID> runningLongerThan(Duration timeout) {
        return jdbc.sql("""
                        select id from reports
                        where status = 'RUNNING' and requested_at < now() - make_interval(secs => ?)
                        """)
                .param(timeout.toMillis() / 1000.0)
                .query(UUID.class)
                .list();
    }
}
