package dev.storemon.worker.shard;

import dev.storemon.db.ReportReads;
import dev.storemon.shard.StoreBuckets;
import dev.storemon.time.EpochMicros;
import dev.storemon.uptime.BusinessHours;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.StoreZones;
import dev.storemon.uptime.WeeklySchedule;
import dev.storemon.worker.WorkerProperties;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads one shard's stores, their schedules and only the polls a report needs: those in the week before as-of, plus
 * each store's last poll before that week (the queries: {@link ReportReads}, shared with the gateway's timeline). Polls are streamed store by store, so memory stays bounded by the shard's
 * largest store, not by the shard.
 */
@Component
class ShardReader {

    private static final String POLLS = ReportReads.polls(ReportReads.BUCKET_RANGE);
    private static final String HOURS = ReportReads.businessHours(ReportReads.BUCKET_RANGE);
    private static final String STORES = ReportReads.stores(ReportReads.BUCKET_RANGE);

    // For the warm cache (ShardCache): the same shape as POLLS with no upper bound, so that every as_of whose week
    // starts at or after the lower bound can be answered from what was read (the last poll before the bound included).
    // Run by COPY (PollCopy), which takes no parameters: %1$d data version, %2$s the lower bound, %3$d and %4$d the
    // bucket range; all formatted from numbers and an Instant.
    private static final String POLLS_FROM = """
            select s.store_key, p.ts, p.active
            from stores s
            cross join lateral (
                (select ts, active
                 from polls
                 where store_key = s.store_key and version <= %1$d and ts < '%2$s'::timestamptz
                 order by ts desc
                 limit 1)
                union all
                (select ts, active
                 from polls
                 where store_key = s.store_key and version <= %1$d and ts >= '%2$s'::timestamptz)
            ) p
            where s.bucket >= %3$d and s.bucket < %4$d
            order by s.bucket, s.store_key
            """;

    // Polls stored by the data versions after the cached one (polls carry the version that stored them), any time.
    // By COPY: %1$d and %2$d the bucket range, %3$d the cached version, %4$d the new one.
    private static final String POLLS_OF_VERSIONS = """
            select p.store_key, p.ts, p.active
            from stores s
            join polls p on p.store_key = s.store_key
            where s.bucket >= %1$d and s.bucket < %2$d and p.version > %3$d and p.version <= %4$d
            order by s.bucket, s.store_key, p.ts
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    ShardReader(JdbcClient jdbc, JdbcTemplate jdbcTemplate, WorkerProperties properties) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(properties.pollFetchSize());
    }

    /** A store of the shard, as the pinned schedule version describes it. */
    record Store(String storeId, ZoneId zone, WeeklySchedule schedule) {}

    /** Receives each store's polls, in store order; the series is only valid during the call. */
    interface PollConsumer {
        void accept(int storeKey, PollSeries polls);
    }

    /** Receives raw poll rows: store key, epoch microseconds, status. */
    interface RowConsumer {
        void accept(int storeKey, long epochMicros, boolean active);
    }

    /** Cuts the poll rows, which arrive ordered by store, into one series per store. */
    private static final class StoreStream {

        private static final int NONE = -1;

        private final PollConsumer consumer;
        private final PollSeries.Builder builder = PollSeries.builder();
        private int storeKey = NONE;

        StoreStream(PollConsumer consumer) {
            this.consumer = consumer;
        }

        void add(int key, long epochMicros, boolean active) {
            if (key != storeKey) {
                finish();
                storeKey = key;
            }
            builder.addEpochMicros(epochMicros, active);
        }

        /** Hands over the current store's polls, if any. */
        void finish() {
            if (storeKey != NONE) {
                consumer.accept(storeKey, builder.build());
                builder.reset();
                storeKey = NONE;
            }
        }
    }

    /**
     * When the data version was created, or empty when it does not exist: tells a version from one of the same number
     * in a database that was emptied and loaded again (tests, a restore), which the warm cache must not confuse.
     */
    Optional<Instant> versionCreatedAt(long dataVersion) {
        return jdbc.sql("select created_at from data_versions where version = ?")
                .param(dataVersion)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                .optional();
    }

    long scheduleVersion(long dataVersion) {
        return jdbc.sql(ReportReads.SCHEDULE_VERSION)
                .param(dataVersion)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new IllegalStateException("data version " + dataVersion + " does not exist"));
    }

    /** All the shard's stores by store key, with their zone and business hours of {@code scheduleVersion}. */
    Map<Integer, Store> stores(StoreBuckets.Range range, long scheduleVersion) {
        return stores(range, scheduleVersion, OwnerFilter.ALL_STORES);
    }

    /** The shard's stores that {@code owner} lets through, by store key, with their zone and business hours. */
    Map<Integer, Store> stores(StoreBuckets.Range range, long scheduleVersion, OwnerFilter owner) {
        Map<Integer, List<BusinessHours>> hours = new HashMap<>();
        jdbc.sql(owner.sql().isEmpty() ? HOURS : ReportReads.businessHours(ReportReads.BUCKET_RANGE + owner.sql()))
                .params(owner.withParams(
                        ReportReads.scheduleParameters(scheduleVersion, range.fromInclusive(), range.toExclusive())))
                .query((RowCallbackHandler) rs -> hours.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                        .add(new BusinessHours(
                                rs.getInt(2), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class))));
        Map<Integer, Store> stores = new HashMap<>();
        jdbc.sql(owner.sql().isEmpty() ? STORES : ReportReads.stores(ReportReads.BUCKET_RANGE + owner.sql()))
                .params(owner.withParams(
                        ReportReads.scheduleParameters(scheduleVersion, range.fromInclusive(), range.toExclusive())))
                .query((RowCallbackHandler) rs -> {
                    int key = rs.getInt(1);
                    List<BusinessHours> rows = hours.getOrDefault(key, List.of());
                    stores.put(
                            key,
                            new Store(rs.getString(2), StoreZones.resolve(rs.getString(3)), WeeklySchedule.of(rows)));
                });
        return stores;
    }

    /**
     * Streams the polls the report needs, one store at a time. Must run inside a transaction: pgjdbc only honours the
     * fetch size (a server-side cursor) when auto-commit is off.
     */
    void polls(StoreBuckets.Range range, long dataVersion, Instant asOf, PollConsumer consumer) {
        polls(range, dataVersion, asOf, OwnerFilter.ALL_STORES, consumer);
    }

    /** As {@link #polls(StoreBuckets.Range, long, Instant, PollConsumer)}, for the stores {@code owner} lets through. */
    void polls(StoreBuckets.Range range, long dataVersion, Instant asOf, OwnerFilter owner, PollConsumer consumer) {
        var stream = new StoreStream(consumer);
        String sql = owner.sql().isEmpty() ? POLLS : ReportReads.polls(ReportReads.BUCKET_RANGE + owner.sql());
        streaming.query(
                sql,
                rs -> {
                    OffsetDateTime ts = rs.getObject(2, OffsetDateTime.class);
                    stream.add(rs.getInt(1), EpochMicros.of(ts), rs.getBoolean(3));
                },
                owner.withParams(
                        ReportReads.pollParameters(dataVersion, asOf, range.fromInclusive(), range.toExclusive())));
        stream.finish();
    }

    /**
     * Streams, in store order ({@code bucket, store_key}) and time order within a store, every poll of the range with
     * {@code version <= dataVersion} and {@code ts >= from}, preceded by each store's last poll before {@code from}.
     * Must run inside the caller's transaction (its snapshot).
     */
    void pollsFrom(StoreBuckets.Range range, long dataVersion, Instant from, RowConsumer consumer) {
        copy(POLLS_FROM.formatted(dataVersion, from, range.fromInclusive(), range.toExclusive()), consumer);
    }

    /**
     * Streams the polls of the range stored by versions in {@code (afterVersion, upToVersion]}, in store order and
     * time order within a store. Must run inside the caller's transaction (its snapshot).
     */
    void pollsOfVersions(StoreBuckets.Range range, long afterVersion, long upToVersion, RowConsumer consumer) {
        copy(
                POLLS_OF_VERSIONS.formatted(range.fromInclusive(), range.toExclusive(), afterVersion, upToVersion),
                consumer);
    }

    private void copy(String select, RowConsumer consumer) {
        streaming.execute((ConnectionCallback<Void>) connection -> {
            PollCopy.copy(connection, select, consumer);
            return null;
        });
    }
}
