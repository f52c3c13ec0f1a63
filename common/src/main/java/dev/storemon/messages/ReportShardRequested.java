package dev.storemon.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Asks a report worker to compute one shard of a report: the stores whose bucket falls in
 * {@link dev.storemon.shard.StoreBuckets#range(int, int) StoreBuckets.range(shard, shardCount)}, as of {@code asOf},
 * reading only data version {@code dataVersion}.
 *
 * @param reportId      the report's id (a UUID)
 * @param shard         0-based shard number, less than {@code shardCount}
 * @param shardCount    how many shards the report has
 * @param asOf          the report's as-of instant; windows end here (exclusive)
 * @param dataVersion   the data version the report pinned
 * @param interpolation {@code nearest} or {@code previous}
 */
@JsonIgnoreProperties(ignoreUnknown = true) // docs/events.md: consumers ignore fields they do not know
public record ReportShardRequested(
        @JsonProperty("report_id") String reportId,
        @JsonProperty("shard") int shard,
        @JsonProperty("shard_count") int shardCount,
        @JsonProperty("as_of") Instant asOf,
        @JsonProperty("data_version") long dataVersion,
        @JsonProperty("interpolation") String interpolation) {}
