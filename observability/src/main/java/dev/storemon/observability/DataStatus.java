package dev.storemon.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What data the service has: the current (latest) data version, its latest poll, and the last successful ingest run.
 * Read by the {@code data} health component and the data gauges; cached for {@link #CACHED_FOR}, so that probes and
 * scrapes cost one small query every few seconds at most.
 */
class DataStatus {

    static final Duration CACHED_FOR = Duration.ofSeconds(5);

    /**
     * @param version        the current data version, or null when nothing was ever loaded
     * @param latestPollAt   its latest poll, or null when it holds none
     * @param lastSuccessAt  when the last successful ingest run finished, or null
     * @param lastRunStatus  SUCCEEDED or FAILED: the last finished run, or null
     */
    record Snapshot(Long version, Instant latestPollAt, Instant lastSuccessAt, String lastRunStatus) {

        boolean loaded() {
            return version != null && latestPollAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private Snapshot cached;
    private Instant readAt = Instant.MIN;

    DataStatus(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the status, at most {@link #CACHED_FOR} old; throws when the database cannot be read */
    synchronized Snapshot current() {
        Instant now = clock.instant();
        if (cached == null || readAt.plus(CACHED_FOR).isBefore(now)) {
            cached = read();
            readAt = now;
        }
        return cached;
    }

    private Snapshot read() {
        return jdbc.sql("""
                        select (select version from data_versions order by version desc limit 1),
                               (select latest_poll_at from data_versions order by version desc limit 1),
                               (select max(finished_at) from ingest_runs where status = 'SUCCEEDED'),
                               (select status from ingest_runs where status <> 'RUNNING' order by id desc limit 1)
                        """)
                .query((rs, n) -> new Snapshot(
                        (Long) rs.getObject(1),
                        instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)),
                        rs.getString(4)))
                .single();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
