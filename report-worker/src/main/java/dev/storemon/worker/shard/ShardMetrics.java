package dev.storemon.worker.shard;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code storemon_shard_duration_seconds}: one shard task, read + compute + write, tag {@code outcome} = stored,
 * already_done, dropped or failed (an exception: the attempt is retried or dead-lettered). With histogram buckets, so
 * that the dashboard shows percentiles over all workers.
 */
@Component
class ShardMetrics {

    private final MeterRegistry registry;

    ShardMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    ShardComputer.Result timed(Supplier<ShardComputer.Result> shard) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "failed";
        try {
            ShardComputer.Result result = shard.get();
            outcome = result.outcome().name().toLowerCase(Locale.ROOT);
            return result;
        } finally {
            sample.stop(Timer.builder("storemon.shard.duration")
                    .description("One shard of a report: read, compute and write")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }
}
