package dev.storemon.gateway.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * The shape of one element of {@link IngestRun#files()}, for the OpenAPI description only: the gateway serves the
 * stored JSON as it is (docs/ingest.md describes it; the ingest worker's {@code FileReport} writes it).
 */
@Schema(name = "IngestFileReport", description = "What an ingest run did with one source file")
record IngestFileReport(
        @JsonProperty("name") String name,

        @JsonProperty("kind") @Schema(description = "polls, hours or zones")
        String kind,

        @JsonProperty("status") @Schema(description = "LOADED, APPENDED, UNCHANGED or MISSING")
        String status,

        @JsonProperty("note") @Schema(nullable = true) String note,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_loaded") long rowsLoaded,
        @JsonProperty("rows_already_stored") long rowsAlreadyStored,
        @JsonProperty("rows_rejected") long rowsRejected,

        @JsonProperty("rejections") @Schema(description = "the first rejected rows")
        List<Line> rejections,

        @JsonProperty("warnings") List<Line> warnings,

        @JsonProperty("source") @Schema(description = "facts the next run compares with (size, fingerprint)")
        Map<String, Object> source) {

    /**
     * A rejected or suspicious line.
     *
     * @param line   its line number in the file
     * @param reason what is wrong with it
     */
    @Schema(name = "IngestFileLine")
    record Line(
            @JsonProperty("line") long line,
            @JsonProperty("reason") String reason) {}
}
