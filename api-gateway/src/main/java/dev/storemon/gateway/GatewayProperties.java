package dev.storemon.gateway;

import dev.storemon.shard.StoreBuckets;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's settings ({@code storemon.gateway.*} in {@code api-gateway.yml}).
 *
 * @param groupId        the Kafka consumer group of all gateway instances (each event goes to one of them)
 * @param shardCount     shards per report, 1 to {@value StoreBuckets#COUNT}
 * @param reportTimeout  a report still running after this long is failed
 * @param sweepInterval  how often running reports are checked for completion or timeout
 */
@Validated
@ConfigurationProperties("storemon.gateway")
public record GatewayProperties(
        @NotBlank String groupId,
        @Min(1) @Max(StoreBuckets.COUNT) int shardCount,
        @NotNull Duration reportTimeout,
        @NotNull Duration sweepInterval) {}
