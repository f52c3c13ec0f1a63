package dev.storemon.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * {@code POST /api/ingest}'s answer (202): the request is on its way to the ingest worker.
 *
 * @param requestId the request's id, also in the IngestRequested message and the worker's log
 * @param status    Requested
 */
@Schema(description = "A reload request handed to the ingest worker")
record IngestAccepted(
        @JsonProperty("request_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        UUID requestId,

        @JsonProperty("status") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Status status) {

    /** The only state the gateway knows of a request: handed over. The run itself shows in the ingest status. */
    enum Status {
        REQUESTED;

        @JsonValue
        String wireName() {
            return "Requested";
        }
    }
}
