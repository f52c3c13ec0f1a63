package dev.storemon.worker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The report worker's settings ({@code storemon.worker.*} in {@code report-worker.yml}).
 *
 * @param id            names this worker in logs and in {@code report_shards.worker}
 * @param groupId       the Kafka consumer group shared by all report workers
 * @param concurrency   shard tasks computed at once by this process (Kafka consumer threads)
 * @param retries       further attempts at a failing task before it goes to the dead-letter topic
 * @param retryBackoff  pause between attempts
 * @param pollFetchSize rows fetched per round trip while streaming a shard's polls
 * @param cacheMaxBytes  heap the warm shard cache may use (e.g. {@code 256MB}; {@code 0} turns it off: every shard
 *                       is read from Postgres)
 * @param prewarmShards  the gateways' {@code storemon.gateway.shard-count}: on a {@code data-ingested} event, a
 *                       worker with nothing cached yet loads the shards of its task partitions for this count;
 *                       {@code 0}: only shards already cached are brought to the new version
 */
@Validated
@ConfigurationProperties("storemon.worker")
public record WorkerProperties(
        @NotBlank String id,
        @NotBlank String groupId,
        @Min(1) @Max(64) int concurrency,
        @Min(0) @Max(100) int retries,
        @NotNull Duration retryBackoff,
        @Min(100) int pollFetchSize,
        @NotNull DataSize cacheMaxBytes,
        @Min(0) @Max(4096) int prewarmShards) {

    public WorkerProperties {
        if (cacheMaxBytes != null && cacheMaxBytes.isNegative()) {
            throw new IllegalArgumentException(
                    "storemon.worker.cache-max-bytes must be 0 or more, not " + cacheMaxBytes);
        }
    }
}
