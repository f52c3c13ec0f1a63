package dev.storemon.gateway.page;

import dev.storemon.db.ReportReads;
import dev.storemon.time.EpochMicros;
import dev.storemon.uptime.BusinessHours;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.StoreZones;
import dev.storemon.uptime.WeeklySchedule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads one store as a report's pinned data version holds it: its zone and business hours of the version's schedule,
 * and the polls the report's week needs (the last one before the week, then every one up to as-of). The report
 * worker's queries ({@link ReportReads}) narrowed to one store, so that the engine is given exactly what the worker
 * gave it.
 */
@Component
class OneStoreReader {

    private static final String POLLS = ReportReads.polls(ReportReads.ONE_STORE);
    private static final String HOURS = ReportReads.businessHours(ReportReads.ONE_STORE);
    private static final String ZONE = ReportReads.stores(ReportReads.ONE_STORE);

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
    record Store(String storeId, ZoneId zone, WeeklySchedule schedule, PollSeries polls) {}

    /**
     * @return the store, or empty when no store has that id; its polls may be empty (then it is not reported)
     */
    Optional<Store> read(String storeId, long dataVersion, Instant asOf) {
        return readOnly.execute(status -> {
            Integer key = jdbc.sql("select store_key from stores where store_id = ?")
                    .param(storeId)
                    .query(Integer.class)
                    .optional()
                    .orElse(null);
            if (key == null) {
                return Optional.empty();
            }
            long scheduleVersion = jdbc.sql(ReportReads.SCHEDULE_VERSION)
                    .param(dataVersion)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new IllegalStateException("data version " + dataVersion + " does not exist"));
            List<BusinessHours> hours = jdbc.sql(HOURS)
                    .params(ReportReads.scheduleParameters(scheduleVersion, key))
                    .query((rs, n) -> new BusinessHours(
                            rs.getInt(2), rs.getObject(3, LocalTime.class), rs.getObject(4, LocalTime.class)))
                    .list();
            String zone = jdbc.sql(ZONE)
                    .params(ReportReads.scheduleParameters(scheduleVersion, key))
                    .query((rs, n) -> Optional.ofNullable(rs.getString(3)))
                    .single()
                    .orElse(null);
            return Optional.of(new Store(
                    storeId, StoreZones.resolve(zone), WeeklySchedule.of(hours), polls(key, dataVersion, asOf)));
        });
    }

    private PollSeries polls(int key, long dataVersion, Instant asOf) {
        PollSeries.Builder builder = PollSeries.builder();
        jdbc.sql(POLLS)
                .params(ReportReads.pollParameters(dataVersion, asOf, key))
                .query((RowCallbackHandler) rs -> builder.addEpochMicros(
                        EpochMicros.of(rs.getObject(2, OffsetDateTime.class)), rs.getBoolean(3)));
        return builder.build();
    }
}
