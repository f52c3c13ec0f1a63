package dev.storemon.db;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What a report reads of its pinned data version, written once for the report worker (a shard: a range of buckets)
 * and the gateway's store timeline (one store), so that both give the engine exactly the same input. Each query
 * selects the stores of {@code stores s} that a condition names ({@link #BUCKET_RANGE} or {@link #ONE_STORE}); the
 * condition's parameters come last. Plain SQL: common has no JDBC library, the callers run it with theirs.
 */
public final class ReportReads {

    /** The stores of a shard; parameters: first bucket (inclusive), last bucket (exclusive). */
    public static final String BUCKET_RANGE = "s.bucket >= ? and s.bucket < ?";

    /** One store; parameter: its {@code store_key}. */
    public static final String ONE_STORE = "s.store_key = ?";

    /** The schedule version a data version uses; parameter: the data version. */
    public static final String SCHEDULE_VERSION = "select schedule_version from data_versions where version = ?";

    private ReportReads() {}

    /**
     * Business hours; parameters: {@link #scheduleParameters}.
     *
     * @param stores {@link #BUCKET_RANGE} or {@link #ONE_STORE}
     * @return rows {@code store_key, day, start_local, end_local}
     */
    public static String businessHours(String stores) {
        return """
                select h.store_key, h.day, h.start_local, h.end_local
                from stores s
                join business_hours h on h.store_key = s.store_key and h.schedule_version = ?
                where\s""" + stores;
    }

    /**
     * The stores with their zone id; parameters: {@link #scheduleParameters}.
     *
     * @param stores {@link #BUCKET_RANGE} or {@link #ONE_STORE}
     * @return rows {@code store_key, store_id, zone_id} (null when the schedule has no zone for the store)
     */
    public static String stores(String stores) {
        return """
                select s.store_key, s.store_id, z.zone_id
                from stores s
                left join store_zones z on z.store_key = s.store_key and z.schedule_version = ?
                where\s""" + stores;
    }

    /**
     * The polls a report needs: each store's last poll before the week, then the week's polls up to as-of, of the
     * data versions up to the pinned one; parameters: {@link #pollParameters}. "stores" is walked in index order
     * (bucket, store_key), which is also the order by, so Postgres streams without sorting. Timestamps are read as
     * they are: with binary transfer Postgres sends its int64 microseconds, cheaper for the server than any epoch
     * arithmetic in SQL, and exact.
     *
     * @param stores {@link #BUCKET_RANGE} or {@link #ONE_STORE}
     * @return rows {@code store_key, ts, active}, by store, each store's in no particular order
     */
    public static String polls(String stores) {
        return """
                select s.store_key, p.ts, p.active
                from stores s
                cross join lateral (
                    (select ts, active
                     from polls
                     where store_key = s.store_key and version <= ? and ts < ?
                     order by ts desc
                     limit 1)
                    union all
                    (select ts, active
                     from polls
                     where store_key = s.store_key and version <= ? and ts >= ? and ts <= ?)
                ) p
                where\s""" + stores + """

                order by s.bucket, s.store_key
                """;
    }

    /**
     * @param scheduleVersion the pinned data version's schedule version
     * @param stores          the condition's parameters
     * @return the parameters of {@link #businessHours} and {@link #stores}
     */
    public static Object[] scheduleParameters(long scheduleVersion, Object... stores) {
        List<Object> parameters = new ArrayList<>(List.of(scheduleVersion));
        parameters.addAll(List.of(stores));
        return parameters.toArray();
    }

    /**
     * @param dataVersion the pinned data version
     * @param asOf        the report's as-of; its week is {@code [asOf - 7 days, asOf]}
     * @param stores      the condition's parameters
     * @return the parameters of {@link #polls}
     */
    public static Object[] pollParameters(long dataVersion, Instant asOf, Object... stores) {
        OffsetDateTime weekStart = asOf.minus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        List<Object> parameters =
                new ArrayList<>(List.of(dataVersion, weekStart, dataVersion, weekStart, asOf.atOffset(ZoneOffset.UTC)));
        parameters.addAll(List.of(stores));
        return parameters.toArray();
    }
}
