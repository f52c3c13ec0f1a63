package dev.storemon.gateway;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the gateway accepts before it refuses (issue 11), next to {@link GatewayProperties} under the same prefix.
 *
 * @param maxRunningReports reports running at once, over all gateways; a trigger beyond it answers 429
 * @param reportRetention   reports requested longer ago than this are deleted with their rows
 * @param maxRequestBody    request bodies larger than this answer 413
 * @param retryAfter        the {@code Retry-After} of a 429 or 503
 */
@Validated
@ConfigurationProperties("storemon.gateway")
public record GatewayLimits(
        @Min(1) @Max(10_000) int maxRunningReports,
        @NotNull Duration reportRetention,
        @NotNull DataSize maxRequestBody,
        @NotNull Duration retryAfter) {}
