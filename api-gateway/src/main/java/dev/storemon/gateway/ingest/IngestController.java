package dev.storemon.gateway.ingest;

import dev.storemon.messages.IngestRequested;
import dev.storemon.messages.Topics;
import dev.storemon.outbox.Outbox;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ingest worker's two HTTP faces: ask for a reload now, and see the latest run. */
@Tag(name = "ingest")
@RestController
class IngestController {

    private static final Logger log = LoggerFactory.getLogger(IngestController.class);

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final IngestRuns runs;

    IngestController(Outbox outbox, TransactionTemplate transactions, IngestRuns runs) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.runs = runs;
    }

    @Operation(
            operationId = "requestIngest",
            summary = "Ask the ingest worker to reload the sources now",
            description =
                    "Publishes IngestRequested on storemon.ingest-requests (through the outbox: accepted while the"
                            + " broker is down, delivered when it is back); the run shows in /api/ingest/status.")
    @ApiResponse(
            responseCode = "202",
            description = "The request is on its way to the ingest worker",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = IngestAccepted.class)))
    @PostMapping("/api/ingest")
    ResponseEntity<IngestAccepted> requestIngest() {
        var request = new IngestRequested(UUID.randomUUID().toString(), Instant.now());
        // Through the outbox, as report tasks: the answer never waits on the broker (issue 11: nothing hangs), and a
        // database outage is a 503 at once.
        transactions.executeWithoutResult(
                status -> outbox.addSpread(Topics.INGEST_REQUESTS, request.requestId(), 0, request));
        log.info("ingest {} requested", request.requestId());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .contentType(MediaType.APPLICATION_JSON)
                .body(new IngestAccepted(UUID.fromString(request.requestId()), IngestAccepted.Status.REQUESTED));
    }

    @Operation(operationId = "ingestStatus", summary = "Whether a load is running, and the latest finished run")
    @ApiResponse(
            responseCode = "200",
            description = "The ingest status",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = IngestStatus.class)))
    @GetMapping("/api/ingest/status")
    ResponseEntity<IngestStatus> status() {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new IngestStatus(
                        runs.anyRunning() ? IngestStatus.Loading.RUNNING : IngestStatus.Loading.IDLE,
                        runs.lastFinished().orElse(null)));
    }
}
