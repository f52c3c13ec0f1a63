package dev.storemon.gateway.ingest;

import dev.storemon.gateway.web.JsonResponses;
import dev.storemon.messages.IngestRequested;
import dev.storemon.messages.Topics;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The ingest worker's two HTTP faces: ask for a reload now, and see the latest run. */
@RestController
class IngestController {

    private static final Logger log = LoggerFactory.getLogger(IngestController.class);

    private final KafkaTemplate<String, Object> kafka;
    private final IngestRuns runs;

    IngestController(KafkaTemplate<String, Object> kafka, IngestRuns runs) {
        this.kafka = kafka;
        this.runs = runs;
    }

    @Operation(summary = "Ask the ingest worker to reload the sources now",
            description = "Publishes IngestRequested; answers 202 {\"request_id\", \"status\": \"Requested\"}")
    @PostMapping("/api/ingest")
    ResponseEntity<byte[]> requestIngest() throws Exception {
        var request = new IngestRequested(UUID.randomUUID().toString(), Instant.now());
        kafka.send(Topics.INGEST_REQUESTS, request.requestId(), request).get(30, TimeUnit.SECONDS);
        log.info("ingest {} requested", request.requestId());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("request_id", request.requestId());
        body.put("status", "Requested");
        return JsonResponses.json(HttpStatus.ACCEPTED, body);
    }

    @Operation(summary = "Whether a load is running, and the latest finished run",
            description = "{\"status\": \"IDLE\"|\"RUNNING\", \"last_run\": {\"id\", \"status\", \"started_at\", "
                    + "\"finished_at\", \"data_version\", \"files\": [...]}} ; last_run is null before the first run")
    @GetMapping("/api/ingest/status")
    ResponseEntity<byte[]> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", runs.anyRunning() ? "RUNNING" : "IDLE");
        body.put("last_run", runs.lastFinished().orElse(null));
        return JsonResponses.json(HttpStatus.OK, body);
    }
}
