package dev.storemon.messages;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Somebody asked for a reload of the sources now ({@code POST /api/ingest}).
 *
 * @param requestId   a random id, echoed in the ingest worker's log
 * @param requestedAt when it was asked
 */
@JsonIgnoreProperties(ignoreUnknown = true) // docs/events.md: consumers ignore fields they do not know
public record IngestRequested(
        @JsonProperty("request_id") String requestId,
        @JsonProperty("requested_at") Instant requestedAt) {}
