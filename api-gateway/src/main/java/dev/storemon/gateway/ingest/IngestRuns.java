package dev.storemon.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
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

    /**
     * A finished run as {@code GET /api/ingest/status} shows it. {@code files} is the stored JSON, served as it is.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Run(
            @JsonProperty("id") long id,
            @JsonProperty("trigger") String trigger,
            @JsonProperty("status") String status,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("finished_at") String finishedAt,
            @JsonProperty("data_version") Long dataVersion,
            @JsonProperty("error") String error,
            @JsonProperty("files") @JsonRawValue String files) {
    }

    boolean anyRunning() {
        return jdbc.sql("select exists (select 1 from ingest_runs where status = 'RUNNING')").query(Boolean.class)
                .single();
    }

    Optional<Run> lastFinished() {
        return jdbc.sql("""
                        select id, trigger, status, started_at, finished_at, data_version, error, files::text
                        from ingest_runs
                        where status <> 'RUNNING'
                        order by id desc
                        limit 1
                        """)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getObject(4, OffsetDateTime.class)), instant(rs.getObject(5, OffsetDateTime.class)),
                        (Long) rs.getObject(6), rs.getString(7), rs.getString(8)))
                .optional();
    }

    private static String instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant().toString();
    }
}
