package dev.storemon.ingest.request;

import dev.storemon.ingest.load.LoadResult;
import dev.storemon.ingest.run.IngestRunner;
import dev.storemon.ingest.run.RunResult;
import dev.storemon.messages.DataIngested;
import dev.storemon.messages.Topics;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Announces each new data version on {@link Topics#DATA_INGESTED}, keyed by the version. Sent after the commit: if the
 * broker is unreachable the data is still loaded, and the failure is logged.
 */
@Component
class DataIngestedPublisher implements IngestRunner.RunListener {

    private static final Logger log = LoggerFactory.getLogger(DataIngestedPublisher.class);

    private final KafkaTemplate<String, Object> kafka;

    DataIngestedPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void loaded(RunResult result) {
        LoadResult load = result.load();
        DataIngested event = new DataIngested(load.version(), result.runId(), Instant.now(), load.pollsAdded(),
                load.hoursRows(), load.zoneRows(), load.rowsRejected());
        kafka.send(Topics.DATA_INGESTED, Long.toString(load.version()), event).whenComplete((sent, error) -> {
            if (error != null) {
                log.error("could not publish data version {} (run {}) to {}: {}", load.version(), result.runId(),
                        Topics.DATA_INGESTED, error.getMessage());
            }
        });
    }
}
