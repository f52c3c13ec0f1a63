package dev.storemon.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A report's CSV is assembled and stored: the public event that third-party systems subscribe to. Published exactly
 * once per report by the gateway instance that completed it.
 *
 * @param schema        message schema version, {@value #SCHEMA}; a consumer ignores fields it does not know
 * @param reportId      the report's id
 * @param asOf          the report's as-of instant
 * @param dataVersion   the data version the report read
 * @param interpolation {@code nearest} or {@code previous}
 * @param storeCount    rows in the CSV (stores)
 * @param csvSha256     hex SHA-256 of the CSV's UTF-8 bytes, to check a download
 * @param completedAt   when the report was completed
 * @param download      relative URL of the CSV on the gateway
 */
@JsonIgnoreProperties(ignoreUnknown = true) // docs/events.md: consumers ignore fields they do not know
public record ReportCompleted(
        @JsonProperty("schema") int schema,
        @JsonProperty("report_id") String reportId,
        @JsonProperty("as_of") Instant asOf,
        @JsonProperty("data_version") long dataVersion,
        @JsonProperty("interpolation") String interpolation,
        @JsonProperty("store_count") int storeCount,
        @JsonProperty("csv_sha256") String csvSha256,
        @JsonProperty("completed_at") Instant completedAt,
        @JsonProperty("download") String download) {

    /** The schema version this record writes. */
    public static final int SCHEMA = 1;
}
