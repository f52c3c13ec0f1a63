package dev.storemon.ingest.request;

import dev.storemon.ingest.run.RunCoordinator;
import dev.storemon.ingest.run.Trigger;
import dev.storemon.messages.IngestRequested;
import dev.storemon.messages.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reload requests from Kafka ({@link Topics#INGEST_REQUESTS}, published by the gateway's {@code POST /api/ingest}).
 * The value is read as text and then as JSON, so that a malformed message is logged and skipped instead of blocking
 * the partition.
 */
@Component
class IngestRequestListener {

    private static final Logger log = LoggerFactory.getLogger(IngestRequestListener.class);

    private final RunCoordinator coordinator;
    private final JsonMapper json;

    IngestRequestListener(RunCoordinator coordinator, JsonMapper json) {
        this.coordinator = coordinator;
        this.json = json;
    }

    @KafkaListener(topics = Topics.INGEST_REQUESTS, groupId = "${storemon.ingest.consumer-group}")
    void onRequest(String value) {
        IngestRequested request;
        try {
            request = json.readValue(value, IngestRequested.class);
        } catch (JacksonException e) {
            log.warn("ignoring a malformed ingest request ({}): {}", e.getOriginalMessage(), value);
            return;
        }
        boolean queued = coordinator.request(Trigger.REQUEST);
        log.info("ingest request {} (requested at {}) received: {}", request.requestId(), request.requestedAt(),
                queued ? "run queued" : "served by the run already queued");
    }
}
