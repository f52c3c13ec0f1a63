package dev.storemon.worker;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long a shard task is retried when it fails for a reason that goes away by itself ({@link TransientFailures}):
 * back-off doubling from one second up to {@code maxBackoff}, until {@code retryFor} has passed; only then is the task
 * dead-lettered (and its report failed). At least two minutes, so that a database or broker restart of a minute fails
 * no report.
 *
 * @param retryFor   how long to keep retrying, at least 2 minutes
 * @param maxBackoff the longest pause between two attempts
 */
@Validated
@ConfigurationProperties("storemon.worker.transient-retry")
public record TransientRetry(
        @NotNull Duration retryFor, @NotNull Duration maxBackoff) {

    public TransientRetry {
        if (retryFor != null && retryFor.compareTo(Duration.ofMinutes(2)) < 0) {
            throw new IllegalArgumentException("storemon.worker.transient-retry.retry-for must be at least 2 minutes"
                    + " (a restart of the database or broker must not fail reports), was " + retryFor);
        }
        if (maxBackoff != null
                && (maxBackoff.compareTo(Duration.ofSeconds(1)) < 0
                        || maxBackoff.compareTo(Duration.ofMinutes(1)) > 0)) {
            throw new IllegalArgumentException(
                    "storemon.worker.transient-retry.max-backoff must be 1 s to 1 min, was " + maxBackoff);
        }
    }
}
