package dev.storemon.worker.shard;

import dev.storemon.messages.ReportShardRequested;
import dev.storemon.shard.StoreBuckets;
import dev.storemon.time.EpochMicros;
import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.StoreUptime;
import dev.storemon.uptime.UptimeEngine;
import dev.storemon.worker.WorkerProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Computes one shard of a report and stores it, unless it is already stored. */
@Component
class ShardComputer {

    private static final Logger log = LoggerFactory.getLogger(ShardComputer.class);

    private final ShardReader reader;
    private final ShardWriter writer;
    private final ShardCache cache;
    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final String workerId;

    ShardComputer(
            ShardReader reader,
            ShardWriter writer,
            ShardCache cache,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            WorkerProperties properties) {
        this.reader = reader;
        this.writer = writer;
        this.cache = cache;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // One snapshot for the three reads, so that stores, schedules and polls agree.
        this.readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        this.workerId = properties.id();
    }

    /** What became of a task. */
    enum Outcome {
        /** This delivery computed and stored the shard. */
        STORED,
        /** The shard was already stored by an earlier or concurrent delivery. */
        ALREADY_DONE,
        /** The report is gone or no longer running: nothing to do, nothing to announce. */
        DROPPED
    }

    /** The outcome and how many store rows the shard holds (when it is done). */
    record Result(Outcome outcome, int storeCount) {}

    /** The report's status and, when the shard is already stored, its store count. */
    private record State(String status, Integer doneStoreCount) {}

    Result process(ReportShardRequested task) {
        UUID reportId = UUID.fromString(task.reportId());
        Interpolation interpolation = Interpolation.parse(task.interpolation());
        StoreBuckets.Range range = StoreBuckets.range(task.shard(), task.shardCount());
        // One round trip for both questions: is the shard already stored, and is the report still running?
        Optional<State> state = jdbc.sql("""
                        select r.status, s.store_count
                        from reports r
                        left join report_shards s on s.report_id = r.id and s.shard = ?
                        where r.id = ?
                        """)
                .params(task.shard(), reportId)
                .query((rs, n) -> new State(rs.getString(1), (Integer) rs.getObject(2)))
                .optional();
        if (state.isPresent() && state.get().doneStoreCount() != null) {
            return new Result(Outcome.ALREADY_DONE, state.get().doneStoreCount());
        }
        if (state.isEmpty() || !"RUNNING".equals(state.get().status())) {
            log.warn(
                    "shard {} of report {} dropped: the report is {}",
                    task.shard(),
                    reportId,
                    state.map(State::status).orElse("unknown"));
            return new Result(Outcome.DROPPED, 0);
        }
        long started = System.nanoTime();
        ShardCache.Source[] source = new ShardCache.Source[1];
        List<StoreUptime> rows = compute(task, interpolation, range, source);
        long computed = System.nanoTime();
        boolean stored = writer.write(reportId, task.shard(), workerId, rows);
        if (!stored) {
            return new Result(Outcome.ALREADY_DONE, doneCount(reportId, task.shard()));
        }
        log.info(
                "shard {}/{} of report {} stored by {}: {} stores, read ({}) and computed in {} ms, written in {} ms",
                task.shard(),
                task.shardCount(),
                reportId,
                workerId,
                rows.size(),
                source[0],
                (computed - started) / 1_000_000,
                (System.nanoTime() - computed) / 1_000_000);
        return new Result(Outcome.STORED, rows.size());
    }

    /** The shard's rows, from the warm cache when it can serve them, otherwise from the database. */
    List<StoreUptime> compute(
            ReportShardRequested task,
            Interpolation interpolation,
            StoreBuckets.Range range,
            ShardCache.Source[] source) {
        UptimeEngine engine = new UptimeEngine(task.asOf(), interpolation);
        List<StoreUptime> rows = new ArrayList<>();
        // The cache holds whole shards of every store; a report of one owner's stores reads them from the database.
        ShardCache.Warm warm = task.ownerId() != null ? null : cache.get(range, task.dataVersion(), task.asOf());
        if (warm == null) {
            source[0] = ShardCache.Source.DATABASE;
            return computeFromDatabase(task, interpolation, range);
        }
        source[0] = warm.source();
        Map<Integer, ShardReader.Store> stores = warm.entry().stores();
        long asOfMicros = EpochMicros.of(task.asOf());
        warm.entry().polls().forEachStore(asOfMicros, PollSeries.builder(), (storeKey, polls) -> {
            ShardReader.Store store = stores.get(storeKey);
            engine.compute(store.storeId(), store.zone(), store.schedule(), polls)
                    .ifPresent(rows::add);
        });
        return rows;
    }

    /** The shard's rows read from the database as a report always did (the reference the cache must equal). */
    List<StoreUptime> computeFromDatabase(
            ReportShardRequested task, Interpolation interpolation, StoreBuckets.Range range) {
        UptimeEngine engine = new UptimeEngine(task.asOf(), interpolation);
        List<StoreUptime> rows = new ArrayList<>();
        readOnly.executeWithoutResult(status -> {
            long scheduleVersion = reader.scheduleVersion(task.dataVersion());
            OwnerFilter owner = OwnerFilter.of(task.ownerId(), task.dataVersion());
            Map<Integer, ShardReader.Store> stores = reader.stores(range, scheduleVersion, owner);
            reader.polls(range, task.dataVersion(), task.asOf(), owner, (storeKey, polls) -> {
                ShardReader.Store store = stores.get(storeKey);
                engine.compute(store.storeId(), store.zone(), store.schedule(), polls)
                        .ifPresent(rows::add);
            });
        });
        return rows;
    }

    private int doneCount(UUID reportId, int shard) {
        return jdbc.sql("select store_count from report_shards where report_id = ? and shard = ?")
                .params(reportId, shard)
                .query(Integer.class)
                .single();
    }
}
