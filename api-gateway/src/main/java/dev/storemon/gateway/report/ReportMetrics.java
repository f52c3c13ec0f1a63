package dev.storemon.gateway.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The gateway's report metrics: {@code storemon_report_duration_seconds} (requested_at to completed_at, tag
 * {@code outcome} = complete | failed, with histogram buckets for percentiles) and {@code storemon_reports_running}
 * (a count of RUNNING rows, so it is right with any number of gateways; cached for {@link #RUNNING_CACHED_FOR}).
 */
@Component
class ReportMetrics {

    static final Duration RUNNING_CACHED_FOR = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(ReportMetrics.class);

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private double running = Double.NaN;
    private Instant runningReadAt = Instant.MIN;

    ReportMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        Gauge.builder("storemon.reports.running", this, ReportMetrics::running)
                .description("Reports RUNNING now (all gateways)")
                .register(registry);
    }

    /**
     * Records how long a report took, from its row: call after the report ended (COMPLETE or FAILED) and committed.
     * The database's own instants are used, so the figure is right whichever gateway started the report.
     */
    void ended(UUID id) {
        try {
            jdbc.sql("""
                            select status, extract(epoch from (completed_at - requested_at))
                            from reports where id = ? and status <> 'RUNNING'
                            """)
                    .param(id)
                    .query((rs, n) -> {
                        timer(rs.getString(1).toLowerCase(Locale.ROOT))
                                .record(Duration.ofNanos((long) (rs.getDouble(2) * 1e9)));
                        return null;
                    })
                    .list();
        } catch (RuntimeException e) {
            // A metric is not worth failing a report's completion for.
            log.warn("report {}: duration not recorded: {}", id, e.getMessage());
        }
    }

    private Timer timer(String outcome) {
        return Timer.builder("storemon.report.duration")
                .description("A report from trigger to Complete or Failed")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry);
    }

    private synchronized double running() {
        Instant now = clock.instant();
        if (runningReadAt.plus(RUNNING_CACHED_FOR).isBefore(now)) {
            try {
                running = jdbc.sql("select count(*) from reports where status = 'RUNNING'")
                        .query(Long.class)
                        .single();
            } catch (RuntimeException e) {
                running = Double.NaN;
            }
            runningReadAt = now;
        }
        return running;
    }
}
