package dev.storemon.gateway.report;

import dev.storemon.gateway.GatewayLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes reports requested longer ago than {@code storemon.gateway.report-retention}, with their shards and rows
 * ({@code on delete cascade}), a bounded batch per call so that one sweep never holds a long transaction.
 */
@Component
class ReportRetention {

    private static final Logger log = LoggerFactory.getLogger(ReportRetention.class);
    static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final GatewayLimits limits;

    ReportRetention(JdbcClient jdbc, GatewayLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /** @return how many reports were deleted */
    int deleteExpired() {
        int deleted = jdbc.sql("""
                        delete from reports where id in (
                            select id from reports where requested_at < now() - make_interval(secs => ?)
                            order by requested_at limit ?)
                        """)
                .params(limits.reportRetention().toMillis() / 1000.0, BATCH)
                .update();
        if (deleted > 0) {
            log.info("{} reports older than {} deleted with their rows", deleted, limits.reportRetention());
        }
        return deleted;
    }
}
