package dev.storemon.ingest.request;

import dev.storemon.ingest.run.RunCoordinator;
import dev.storemon.ingest.run.Trigger;
import dev.storemon.messages.IngestRequested;
import dev.storemon.messages.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reload requests from Kafka ({@link Topics#INGEST_REQUESTS}, published by the gateway's {@code POST /api/ingest}).
 * A malformed message never reaches this method: the container's error handler logs it and skips it, so it cannot
 * block the partition.
 */
@Component
class IngestRequestListener {

    private static final Logger log = LoggerFactory.getLogger(IngestRequestListener.class);

    private final RunCoordinator coordinator;

    IngestRequestListener(RunCoordinator coordinator) {
        this.coordinator = coordinator;
    }

    @KafkaListener(topics = Topics.INGEST_REQUESTS, groupId = "${storemon.ingest.consumer-group}")
    void onRequest(IngestRequested request) {
        boolean queued = coordinator.request(Trigger.REQUEST);
        log.info(
                "ingest request {} (requested at {}) received: {}",
                request.requestId(),
                request.requestedAt(),
                queued ? "run queued" : "served by the run already queued");
    }
}
