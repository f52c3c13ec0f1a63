package dev.storemon.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code GET /api/ingest/status}'s answer.
 *
 * @param status  RUNNING while a load is in progress, IDLE otherwise
 * @param lastRun the latest finished run, null before the first
 */
@Schema(description = "Whether a load is running, and the latest finished run")
@JsonInclude(JsonInclude.Include.ALWAYS)
record IngestStatus(
        @JsonProperty("status") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Loading status,

        @JsonProperty("last_run") @Schema(description = "the latest finished run; null before the first")
        IngestRun lastRun) {

    /** Whether the ingest worker is loading right now. */
    enum Loading {
        IDLE,
        RUNNING
    }
}
