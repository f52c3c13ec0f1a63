package dev.storemon.ingest.request;

import dev.storemon.ingest.load.LoadResult;
import dev.storemon.ingest.run.IngestRunner;
import dev.storemon.ingest.run.RunResult;
import dev.storemon.messages.DataIngested;
import dev.storemon.messages.Topics;
import dev.storemon.outbox.Outbox;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Announces each new data version on {@link Topics#DATA_INGESTED}, keyed by the version. The event is written to the
 * outbox in the loading transaction, so it is published (at least once, by the outbox relay) if and only if the
 * version is committed, even when the broker is away during the load.
 */
@Component
class DataIngestedPublisher implements IngestRunner.RunListener {

    private final Outbox outbox;

    DataIngestedPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void committing(long runId, LoadResult load) {
        DataIngested event = new DataIngested(
                load.version(),
                runId,
                Instant.now(),
                load.pollsAdded(),
                load.hoursRows(),
                load.zoneRows(),
                load.rowsRejected());
        outbox.addEvent(Topics.DATA_INGESTED, Long.toString(load.version()), event);
    }

    @Override
    public void loaded(RunResult result) {
        // published by the outbox relay, woken by the commit
    }
}
