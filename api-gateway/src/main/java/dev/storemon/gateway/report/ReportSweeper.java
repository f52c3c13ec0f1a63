package dev.storemon.gateway.report;

import dev.storemon.gateway.GatewayProperties;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net: completes running reports whose shards are all stored but whose completion was missed (a gateway
 * stopped between a shard event and its commit), and fails reports running longer than the timeout, so that no report
 * stays Running forever.
 */
@Component
class ReportSweeper {

    private final Reports reports;
    private final ReportCompleter completer;
    private final GatewayProperties properties;

    ReportSweeper(Reports reports, ReportCompleter completer, GatewayProperties properties) {
        this.reports = reports;
        this.completer = completer;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${storemon.gateway.sweep-interval}",
            initialDelayString = "${storemon.gateway.sweep-interval}")
    void sweep() {
        for (UUID id : reports.runningWithAllShardsDone()) {
            completer.tryComplete(id);
        }
        for (UUID id : reports.runningLongerThan(properties.reportTimeout())) {
            reports.fail(id, "timed out: not all shards were done within " + properties.reportTimeout());
        }
    }
}
