package dev.storemon.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data gauges, as epoch seconds (NaN while unknown): {@code storemon_data_latest_poll_timestamp_seconds} and
 * {@code storemon_ingest_last_success_timestamp_seconds}. Data age is {@code time() - } either of them.
 */
class DataMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(DataMetrics.class);

    private final DataStatus status;

    DataMetrics(DataStatus status) {
        this.status = status;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("storemon.data.latest.poll.timestamp", this, m -> m.seconds(DataStatus.Snapshot::latestPollAt))
                .description("The latest poll instant of the current data version")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(
                        "storemon.ingest.last.success.timestamp",
                        this,
                        m -> m.seconds(DataStatus.Snapshot::lastSuccessAt))
                .description("When the last successful ingest run finished")
                .baseUnit("seconds")
                .register(registry);
    }

    private double seconds(Function<DataStatus.Snapshot, Instant> field) {
        try {
            Instant at = field.apply(status.current());
            return at == null ? Double.NaN : at.toEpochMilli() / 1000.0;
        } catch (RuntimeException e) {
            // The db health component says why; a scrape must not fail for it.
            log.debug("data gauges: database not readable: {}", e.getMessage());
            return Double.NaN;
        }
    }
}
