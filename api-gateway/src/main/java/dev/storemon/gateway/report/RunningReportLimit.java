package dev.storemon.gateway.report;

import dev.storemon.gateway.GatewayLimits;
import dev.storemon.gateway.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At most {@code storemon.gateway.max-running-reports} reports run at once, counted over every gateway. The count and
 * the new report's insert happen under one transaction-scoped advisory lock, so simultaneous triggers (on any gateway)
 * cannot all see room for one more.
 */
@Component
class RunningReportLimit {

    /** Advisory lock key of report admission ("rep-lim" in ASCII); the ingest uses another. */
    private static final long LOCK_KEY = 0x7265702d6c696dL;

    private final JdbcClient jdbc;
    private final GatewayLimits limits;

    RunningReportLimit(JdbcClient jdbc, GatewayLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /**
     * Admits one more report; call inside the transaction that inserts it.
     *
     * @throws ApiProblem 429 with Retry-After when the limit is reached
     */
    void admit() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().listOfRows();
        long running = jdbc.sql("select count(*) from reports where status = 'RUNNING'").query(Long.class).single();
        if (running >= limits.maxRunningReports()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-reports", "Too many reports running",
                    running + " reports are running, the limit is " + limits.maxRunningReports()
                            + " (storemon.gateway.max-running-reports); try again later",
                    limits.retryAfter());
        }
    }
}
