package dev.storemon.gateway.report;

import dev.storemon.messages.ReportCompleted;
import dev.storemon.messages.Topics;
import dev.storemon.observability.LogFields;
import dev.storemon.outbox.Outbox;
import dev.storemon.uptime.ReportCsv;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a report once all its shards are stored. The report row is locked ({@code for no key update}: it excludes
 * another completer, yet not a worker inserting a shard, whose foreign key only takes a key-share lock on the row, so
 * shards are never held up behind an assembly) and must still be
 * RUNNING, so of several gateway instances (or the sweeper) exactly one assembles the CSV, and only that one
 * writes {@link ReportCompleted} to the outbox, in the same transaction (published at least once by the relay).
 */
@Component
class ReportCompleter {

    private static final Logger log = LoggerFactory.getLogger(ReportCompleter.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final ReportMetrics metrics;

    ReportCompleter(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, ReportMetrics metrics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    private record Running(Instant asOf, long dataVersion, String interpolation, int shardCount, String ownerId) {}

    /**
     * Completes the report if all its shards are done and nobody completed it yet.
     *
     * @return whether this call completed it
     */
    boolean tryComplete(UUID id) {
        try (LogFields.Scope logged = LogFields.put(LogFields.REPORT_ID, id)) {
            return complete(id);
        }
    }

    private boolean complete(UUID id) {
        long started = System.nanoTime();
        Optional<ReportCompleted> completed = transactions.execute(status -> assemble(id));
        if (completed.isEmpty()) {
            return false;
        }
        ReportCompleted event = completed.get();
        log.info(
                "report {} completed: {} stores, as_of={}, csv_sha256={}, assembled in {} ms",
                id,
                event.storeCount(),
                event.asOf(),
                event.csvSha256(),
                (System.nanoTime() - started) / 1_000_000);
        metrics.ended(id);
        return true;
    }

    private Optional<ReportCompleted> assemble(UUID id) {
        Optional<Running> running = jdbc.sql("""
                        select as_of, data_version, interpolation, shard_count, owner_id
                        from reports where id = ? and status = 'RUNNING' for no key update
                        """)
                .param(id)
                .query((rs, n) -> new Running(
                        rs.getObject(1, OffsetDateTime.class).toInstant(),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5)))
                .optional();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        Running report = running.get();
        int done = jdbc.sql("select count(*) from report_shards where report_id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        if (done < report.shardCount()) {
            return Optional.empty();
        }
        record Shard(int storeCount, String csv) {}
        List<Shard> shards = jdbc.sql("select store_count, csv from report_shards where report_id = ?")
                .param(id)
                .query((rs, n) -> new Shard(rs.getInt(1), rs.getString(2)))
                .list();
        // Each shard's lines are sorted already: a merge, no database sort (ReportCsv).
        String text = ReportCsv.merge(shards.stream().map(Shard::csv).toList());
        int stores = shards.stream().mapToInt(Shard::storeCount).sum();
        String sha256 = sha256(text);
        Instant completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        update reports set status = 'COMPLETE', csv = ?, csv_sha256 = ?, store_count = ?, completed_at = ?
                        where id = ?
                        """)
                .params(text, sha256, stores, completedAt.atOffset(ZoneOffset.UTC), id)
                .update();
        // The report's csv holds every line now; the fragments would only double its size on disk.
        jdbc.sql("update report_shards set csv = null where report_id = ?")
                .param(id)
                .update();
        ReportCompleted event = new ReportCompleted(
                ReportCompleted.SCHEMA,
                id.toString(),
                report.asOf(),
                report.dataVersion(),
                report.interpolation(),
                stores,
                sha256,
                completedAt,
                "/get_report?report_id=" + id,
                report.ownerId());
        // In the transaction that completes the report: the event is published if and only if the report is complete.
        outbox.addEvent(Topics.REPORT_COMPLETED, event.reportId(), event);
        return Optional.of(event);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
