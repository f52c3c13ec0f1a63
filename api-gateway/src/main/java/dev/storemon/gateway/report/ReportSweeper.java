package dev.storemon.gateway.report;

import dev.storemon.gateway.GatewayProperties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net: completes running reports whose shards are all stored but whose completion was missed (a gateway
 * stopped between a shard event and its commit, or was killed), fails reports running longer than the timeout, so that
 * no report stays Running forever, and deletes reports past their retention ({@link ReportRetention}).
 */
@Component
class ReportSweeper {

    private static final Logger log = LoggerFactory.getLogger(ReportSweeper.class);

    private final Reports reports;
    private final ReportCompleter completer;
    private final GatewayProperties properties;
    private final ReportRetention retention;
    private final RunningReportLimit limit;

    ReportSweeper(
            Reports reports,
            ReportCompleter completer,
            GatewayProperties properties,
            ReportRetention retention,
            RunningReportLimit limit) {
        this.reports = reports;
        this.completer = completer;
        this.properties = properties;
        this.retention = retention;
        this.limit = limit;
    }

    @Scheduled(
            fixedDelayString = "${storemon.gateway.sweep-interval}",
            initialDelayString = "${storemon.gateway.sweep-interval}")
    void sweep() {
        // One report that cannot be assembled (or a database hiccup on one of them) must not stop the others from
        // being completed or timed out: each is tried on its own, and the next sweep tries again.
        for (UUID id : reports.runningWithAllShardsDone()) {
            tryEach("complete", id, () -> completer.tryComplete(id));
        }
        for (UUID id : reports.runningLongerThan(properties.reportTimeout())) {
            tryEach(
                    "time out",
                    id,
                    () -> reports.fail(id, "timed out: not all shards were done within " + properties.reportTimeout()));
        }
        retention.deleteExpired();
        limit.refresh();
    }

    private static void tryEach(String step, UUID id, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.error("sweeper could not {} report {}: {}", step, id, e.toString(), e);
        }
    }
}
