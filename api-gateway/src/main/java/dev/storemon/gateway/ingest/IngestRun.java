package dev.storemon.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A finished ingest run as {@code GET /api/ingest/status} shows it (table {@code ingest_runs}, written by the ingest
 * worker). {@code files} is the JSON the worker stored, served as it is: the worker owns its shape
 * ({@link IngestFileReport} documents it).
 *
 * @param id          the run's id
 * @param trigger     startup, schedule or request
 * @param status      how it ended
 * @param startedAt   when it started
 * @param finishedAt  when it ended
 * @param dataVersion the data version it produced, null when it failed
 * @param error       why it failed, null when it succeeded
 * @param files       what it did with each source file (JSON array)
 */
@Schema(description = "A finished ingest run")
@JsonInclude(JsonInclude.Include.ALWAYS)
record IngestRun(
        @JsonProperty("id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        long id,

        @JsonProperty("trigger")
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "what started it: startup, schedule or request",
                example = "request")
        String trigger,

        @JsonProperty("status") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Status status,

        @JsonProperty("started_at") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Instant startedAt,

        @JsonProperty("finished_at") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Instant finishedAt,

        @JsonProperty("data_version") @Schema(nullable = true)
        Long dataVersion,

        @JsonProperty("error") @Schema(nullable = true) String error,

        @JsonProperty("files")
        @JsonRawValue
        @ArraySchema(
                schema = @Schema(implementation = IngestFileReport.class),
                arraySchema = @Schema(type = "array", nullable = true))
        String files) {

    /** How a run ended (a running run is never shown here, so RUNNING is no value of it). */
    enum Status {
        SUCCEEDED,
        FAILED
    }
}
