package dev.storemon.gateway.ingest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the ingest worker's run records (table {@code ingest_runs}). */
@Component
class IngestRuns {

    private final JdbcClient jdbc;

    IngestRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyRunning() {
        return jdbc.sql("select exists (select 1 from ingest_runs where status = 'RUNNING')")
                .query(Boolean.class)
                .single();
    }

    Optional<IngestRun> lastFinished() {
        return jdbc.sql("""
                        select id, trigger, status, started_at, finished_at, data_version, error, files::text
                        from ingest_runs
                        where status <> 'RUNNING'
                        order by id desc
                        limit 1
                        """)
                .query((rs, n) -> new IngestRun(
                        rs.getLong(1),
                        rs.getString(2),
                        IngestRun.Status.valueOf(rs.getString(3)),
                        instant(rs.getObject(4, OffsetDateTime.class)),
                        instant(rs.getObject(5, OffsetDateTime.class)),
                        (Long) rs.getObject(6),
                        rs.getString(7),
                        rs.getString(8)))
                .optional();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
