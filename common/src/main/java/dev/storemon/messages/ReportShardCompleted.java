package dev.storemon.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A worker committed one shard's rows and its done-mark. Sent after the database commit, possibly more than once.
 *
 * @param reportId   the report's id
 * @param shard      the shard that is done
 * @param storeCount how many store rows the shard wrote
 */
@JsonIgnoreProperties(ignoreUnknown = true) // docs/events.md: consumers ignore fields they do not know
public record ReportShardCompleted(
        @JsonProperty("report_id") String reportId,
        @JsonProperty("shard") int shard,
        @JsonProperty("store_count") int storeCount) {}
