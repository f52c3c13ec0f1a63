package dev.storemon.ingest.run;

import dev.storemon.ingest.IngestProperties;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns triggers (start, cron, requests) into runs, one at a time. A trigger that arrives during a run queues one
 * more run after it (that run reads the files as they are then); triggers that arrive while a run is already queued
 * are served by that queued run. So no request is lost, and a burst of requests costs at most two runs.
 */
@Component
public class RunCoordinator {

    private static final Logger log = LoggerFactory.getLogger(RunCoordinator.class);

    private final IngestRunner runner;
    private final IngestProperties properties;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "ingest-run"));
    private final AtomicBoolean queued = new AtomicBoolean();

    RunCoordinator(IngestRunner runner, IngestProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    /**
     * Asks for a run as soon as possible.
     *
     * @param trigger why, for the run record and the log
     * @return true when a run was queued, false when an already queued run will serve this request
     */
    public boolean request(Trigger trigger) {
        if (queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                runner.run(trigger);
            });
            return true;
        }
        log.info("ingest requested ({}) while a run is already queued: the queued run serves it", trigger);
        return false;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (properties.runOnStart()) {
            request(Trigger.STARTUP);
        }
    }

    @Scheduled(cron = "${storemon.ingest.cron}")
    void onSchedule() {
        request(Trigger.SCHEDULE);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
