package dev.storemon.observability;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code data} health component of the gateway and the ingest worker. OUT_OF_SERVICE, not DOWN, while no data
 * version with polls exists: nothing is broken, the service just cannot answer reports yet (a fresh install before its
 * first ingest). It is left out of the readiness group on purpose: a gateway that is not ready would not get the
 * {@code POST /api/ingest} that loads the data (docs/decisions.md, "Operability").
 */
class DataHealthIndicator extends AbstractHealthIndicator {

    private final DataStatus status;

    DataHealthIndicator(DataStatus status) {
        super("Data health check failed");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DataStatus.Snapshot data = status.current();
        if (data.loaded()) {
            builder.up();
        } else {
            builder.outOfService()
                    .withDetail(
                            "reason",
                            data.version() == null
                                    ? "no data loaded yet: run an ingest (POST /api/ingest)"
                                    : "data version " + data.version() + " holds no polls");
        }
        if (data.version() != null) {
            builder.withDetail("dataVersion", data.version());
        }
        if (data.latestPollAt() != null) {
            builder.withDetail("latestPollAt", data.latestPollAt().toString());
        }
        if (data.lastSuccessAt() != null) {
            builder.withDetail("lastSuccessfulIngestAt", data.lastSuccessAt().toString());
        }
        if (data.lastRunStatus() != null) {
            builder.withDetail("lastIngestRun", data.lastRunStatus());
        }
    }
}
