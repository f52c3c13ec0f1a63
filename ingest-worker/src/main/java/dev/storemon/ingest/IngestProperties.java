package dev.storemon.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The ingest worker's settings ({@code storemon.ingest.*}); defaults in {@code ingest-worker.yml}.
 *
 * @param sourceDir      the directory holding the three CSV files
 * @param cron           when to reload (Spring cron, seconds first); {@code -} turns the schedule off
 * @param runOnStart     load once when the worker starts
 * @param rejectionsKept how many rejected rows (and warnings) a run records per file; all are counted
 * @param consumerGroup  the Kafka consumer group that receives reload requests (one instance runs each request)
 * @param futureTolerance how far past the wall clock a poll may be dated (clocks drift); later polls are rejected
 */
@Validated
@ConfigurationProperties("storemon.ingest")
public record IngestProperties(
        @NotNull Path sourceDir,
        @NotBlank String cron,
        boolean runOnStart,
        @Min(0) @Max(10_000) int rejectionsKept,
        @NotBlank String consumerGroup,

        @NotNull @DurationMin(seconds = 0) @DurationMax(days = 7)
        Duration futureTolerance) {}
