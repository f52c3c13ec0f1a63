package dev.storemon.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A load finished successfully and produced a new data version.
 *
 * @param dataVersion  the new data version; reports started from now on read it
 * @param runId        the ingest run ({@code GET /api/ingest/status})
 * @param finishedAt   when the load committed
 * @param pollsLoaded  polls added by this load (polls already stored are not counted)
 * @param hoursLoaded  business-hours rows in the new version
 * @param zonesLoaded  time-zone rows in the new version
 * @param rowsRejected malformed rows skipped across all files
 */
@JsonIgnoreProperties(ignoreUnknown = true) // docs/events.md: consumers ignore fields they do not know
public record DataIngested(
        @JsonProperty("data_version") long dataVersion,
        @JsonProperty("run_id") long runId,
        @JsonProperty("finished_at") Instant finishedAt,
        @JsonProperty("polls_loaded") long pollsLoaded,
        @JsonProperty("hours_loaded") long hoursLoaded,
        @JsonProperty("zones_loaded") long zonesLoaded,
        @JsonProperty("rows_rejected") long rowsRejected) {}
