package dev.storemon.gateway.report;

import dev.storemon.messages.ReportShardRequested;
import dev.storemon.messages.Topics;
import dev.storemon.observability.LogFields;
import dev.storemon.uptime.Interpolation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Starts a report: pins the latest data version, records the report, and publishes one task per shard. Shard
 * {@code s} goes to partition {@code s mod partitions}, so that a report's shards spread evenly over the partitions
 * (and so over the workers), whatever the keys hash to.
 */
@Component
public class ReportStarter {

    private static final Logger log = LoggerFactory.getLogger(ReportStarter.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, Object> kafka;
    private final Reports reports;

    ReportStarter(JdbcClient jdbc, KafkaTemplate<String, Object> kafka, Reports reports) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.reports = reports;
    }

    private record Version(long version, Instant latestPollAt) {
    }

    /**
     * Starts a report.
     *
     * @param requestedAsOf the as-of instant, or null for the latest poll of the pinned version
     * @param interpolation the interpolation mode
     * @param shardCount    how many shards
     * @return the new report's id
     * @throws NoDataException when no data version exists, or as_of is missing and the version holds no polls
     */
    public UUID start(Instant requestedAsOf, Interpolation interpolation, int shardCount) {
        UUID id = UUID.randomUUID();
        try (LogFields.Scope logged = LogFields.put(LogFields.REPORT_ID, id)) {
            return start(id, requestedAsOf, interpolation, shardCount);
        }
    }

    private UUID start(UUID id, Instant requestedAsOf, Interpolation interpolation, int shardCount) {
        Version pinned = jdbc.sql("select version, latest_poll_at from data_versions order by version desc limit 1")
                .query((rs, n) -> new Version(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class) == null
                        ? null : rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
                .optional()
                .orElseThrow(() -> new NoDataException("no data loaded yet: run an ingest (POST /api/ingest) first"));
        Instant asOf = requestedAsOf != null ? requestedAsOf : pinned.latestPollAt();
        if (asOf == null) {
            throw new NoDataException("data version " + pinned.version() + " holds no polls; pass as_of explicitly");
        }
        // Postgres keeps microseconds: the report row, the workers and the CSV all use the same instant.
        asOf = asOf.truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count)
                        values (?, 'RUNNING', now(), ?, ?, ?, ?)
                        """)
                .params(id, asOf.atOffset(ZoneOffset.UTC), pinned.version(), interpolation.wireName(), shardCount)
                .update();
        publishTasks(id, asOf, pinned.version(), interpolation, shardCount);
        log.info("report {} started: as_of={} data_version={} interpolation={} shards={}", id, asOf,
                pinned.version(), interpolation.wireName(), shardCount);
        return id;
    }

    private void publishTasks(UUID id, Instant asOf, long version, Interpolation interpolation, int shardCount) {
        try {
            int partitions = kafka.partitionsFor(Topics.REPORT_TASKS).size();
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int shard = 0; shard < shardCount; shard++) {
                var task = new ReportShardRequested(id.toString(), shard, shardCount, asOf, version,
                        interpolation.wireName());
                sent.add(kafka.send(new ProducerRecord<>(Topics.REPORT_TASKS, shard % partitions, id + ":" + shard,
                        task)));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            reports.fail(id, "could not publish the shard tasks: " + e.getMessage());
            throw new IllegalStateException("could not publish the shard tasks of report " + id, e);
        }
    }
}
