package dev.storemon.gateway.page;

import dev.storemon.uptime.BusinessHours;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.StoreZones;
import dev.storemon.uptime.WeeklySchedule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one store as a report's pinned data version holds it: its zone and business hours of the version's schedule,
 * and the polls the report's week needs (the last one before the week, then every one up to as-of). The same reads as
 * the report worker's {@code ShardReader}, narrowed to one store, so that the engine is given exactly what the worker
 * gave it. (The worker's reader serves a range of buckets and streams; it is kept where it is while that module is
 * being reworked.)
 */
@Component
class OneStoreReader {

    private static final String POLLS = """
            (select ts, active
             from polls
             where store_key = ? and version <= ? and ts < ?
             order by ts desc
             limit 1)
            union all
            (select ts, active
             from polls
             where store_key = ? and version <= ? and ts >= ? and ts <= ?)
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    OneStoreReader(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        // One snapshot for the reads, so that the store's schedule and polls agree.
        this.readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
    }

    /** A store at a pinned data version. */
    record Store(String storeId, ZoneId zone, WeeklySchedule schedule, PollSeries polls) {
    }

    /**
     * @return the store, or empty when no store has that id; its polls may be empty (then it is not reported)
     */
    Optional<Store> read(String storeId, long dataVersion, Instant asOf) {
        return readOnly.execute(status -> {
            Integer key = jdbc.sql("select store_key from stores where store_id = ?").param(storeId)
                    .query(Integer.class).optional().orElse(null);
            if (key == null) {
                return Optional.empty();
            }
            long scheduleVersion = jdbc.sql("select schedule_version from data_versions where version = ?")
                    .param(dataVersion).query(Long.class).optional()
                    .orElseThrow(() -> new IllegalStateException("data version " + dataVersion + " does not exist"));
            List<BusinessHours> hours = jdbc.sql("""
                            select day, start_local, end_local from business_hours
                            where schedule_version = ? and store_key = ?
                            """)
                    .params(scheduleVersion, key)
                    .query((rs, n) -> new BusinessHours(rs.getInt(1), rs.getObject(2, LocalTime.class),
                            rs.getObject(3, LocalTime.class)))
                    .list();
            String zone = jdbc.sql("select zone_id from store_zones where schedule_version = ? and store_key = ?")
                    .params(scheduleVersion, key).query(String.class).optional().orElse(null);
            return Optional.of(new Store(storeId, StoreZones.resolve(zone), WeeklySchedule.of(hours),
                    polls(key, dataVersion, asOf)));
        });
    }

    private PollSeries polls(int key, long dataVersion, Instant asOf) {
        OffsetDateTime weekStart = asOf.minus(7, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC);
        OffsetDateTime end = asOf.atOffset(ZoneOffset.UTC);
        PollSeries.Builder builder = PollSeries.builder();
        jdbc.sql(POLLS)
                .params(key, dataVersion, weekStart, key, dataVersion, weekStart, end)
                .query((RowCallbackHandler) rs -> {
                    OffsetDateTime ts = rs.getObject(1, OffsetDateTime.class);
                    builder.addEpochMicros(ts.toEpochSecond() * 1_000_000L + ts.getNano() / 1_000, rs.getBoolean(2));
                });
        return builder.build();
    }
}
