package dev.storemon.gateway.report;

import dev.storemon.gateway.security.ReportScope;
import dev.storemon.messages.ReportShardRequested;
import dev.storemon.messages.Topics;
import dev.storemon.observability.LogFields;
import dev.storemon.outbox.Outbox;
import dev.storemon.uptime.Interpolation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a report: admits it ({@link RunningReportLimit}), pins the latest data version, checks its as_of
 * ({@link AsOfRange}), records the report and writes one task per shard to the outbox, all in one transaction; the
 * outbox relay publishes the tasks. Shard {@code s} goes to partition {@code s mod partitions}, so that a report's
 * shards spread evenly over the partitions (and so over the workers), whatever the keys hash to. Nothing here waits
 * for the broker: with the broker down a report is still accepted, and runs once the broker is back.
 */
@Component
public class ReportStarter {

    private static final Logger log = LoggerFactory.getLogger(ReportStarter.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final RunningReportLimit limit;
    private final AsOfRange asOfRange;

    ReportStarter(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Outbox outbox,
            RunningReportLimit limit,
            AsOfRange asOfRange) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.limit = limit;
        this.asOfRange = asOfRange;
    }

    private record Version(long version, Instant createdAt, Instant latestPollAt) {}

    /**
     * Starts a report.
     *
     * @param requestedAsOf the as-of instant, or null for the latest poll of the pinned version
     * @param interpolation the interpolation mode
     * @param shardCount    how many shards
     * @return the new report's id
     * @throws NoDataException when no data version exists, or as_of is missing and the version holds no polls
     * @throws dev.storemon.gateway.web.ApiProblem 429 when too many reports run, 400 when as_of is out of range
     */
    public UUID start(Instant requestedAsOf, Interpolation interpolation, int shardCount) {
        return start(requestedAsOf, interpolation, shardCount, ReportScope.ALL_STORES);
    }

    /**
     * Starts a report on the stores of {@code scope}, recording who asked for it.
     *
     * @see #start(Instant, Interpolation, int)
     */
    public UUID start(Instant requestedAsOf, Interpolation interpolation, int shardCount, ReportScope scope) {
        // One transaction: the report row and its tasks in the outbox exist together or not at all, so a report
        // whose tasks were not published is never left waiting (the relay publishes them once the broker answers).
        return limit.admitting(() -> {
            UUID id = UUID.randomUUID();
            try (LogFields.Scope logged = LogFields.put(LogFields.REPORT_ID, id)) {
                return start(id, requestedAsOf, interpolation, shardCount, scope);
            }
        });
    }

    private UUID start(UUID id, Instant requestedAsOf, Interpolation interpolation, int shardCount, ReportScope scope) {
        return transactions.execute(status -> {
            limit.admit();
            Version pinned = jdbc.sql("""
                            select version, created_at, latest_poll_at from data_versions order by version desc limit 1
                            """)
                    .query((rs, n) -> new Version(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getObject(3, OffsetDateTime.class) == null
                                    ? null
                                    : rs.getObject(3, OffsetDateTime.class).toInstant()))
                    .optional()
                    .orElseThrow(
                            () -> new NoDataException("no data loaded yet: run an ingest (POST /api/ingest) first"));
            Instant asOf =
                    asOfRange.resolve(requestedAsOf, pinned.version(), pinned.createdAt(), pinned.latestPollAt());
            if (asOf == null) {
                throw new NoDataException(
                        "data version " + pinned.version() + " holds no polls; pass as_of explicitly");
            }
            // Postgres keeps microseconds: the report row, the workers and the CSV all use the same instant.
            Instant pinnedAsOf = asOf.truncatedTo(ChronoUnit.MICROS);
            // requested_at: the moment of admission (clock_timestamp, after the admission lock), not the
            // transaction's start, so that the reports running at any instant can be told from the table afterwards.
            jdbc.sql("""
                            insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count,
                                                 key_id, owner_id)
                            values (?, 'RUNNING', clock_timestamp(), ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            pinnedAsOf.atOffset(ZoneOffset.UTC),
                            pinned.version(),
                            interpolation.wireName(),
                            shardCount,
                            scope.keyId(),
                            scope.ownerId())
                    .update();
            for (int shard = 0; shard < shardCount; shard++) {
                var task = new ReportShardRequested(
                        id.toString(),
                        shard,
                        shardCount,
                        pinnedAsOf,
                        pinned.version(),
                        interpolation.wireName(),
                        scope.ownerId());
                outbox.addSpread(Topics.REPORT_TASKS, id + ":" + shard, shard, task);
            }
            log.info(
                    "report {} started: as_of={} data_version={} interpolation={} shards={} owner={} key={}",
                    id,
                    pinnedAsOf,
                    pinned.version(),
                    interpolation.wireName(),
                    shardCount,
                    scope.ownerId() == null ? "all stores" : scope.ownerId(),
                    scope.keyId() == null ? "-" : scope.keyId());
            return id;
        });
    }
}
