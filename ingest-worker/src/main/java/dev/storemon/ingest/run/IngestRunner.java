package dev.storemon.ingest.run;

import dev.storemon.ingest.IngestProperties;
import dev.storemon.ingest.load.LoadResult;
import dev.storemon.ingest.load.VersionLoader;
import dev.storemon.ingest.source.FileReport;
import dev.storemon.ingest.source.SourceSet;
import dev.storemon.observability.LogFields;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one load: takes the ingest lock (a Postgres advisory lock, so that runs of several worker instances also
 * queue), records the run, loads a new data version in one transaction, then announces it. A failed run changes no
 * data: its transaction rolls back and only the run record says why.
 */
@Component
public class IngestRunner {

    private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);
    /** The advisory lock key: "storemon" in ASCII. */
    static final long LOCK_KEY = 0x73746f72656d6f6eL;

    private final IngestProperties properties;
    private final VersionLoader loader;
    private final IngestRuns runs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<RunListener> listeners;
    private final IngestMetrics metrics;

    IngestRunner(IngestProperties properties, VersionLoader loader, IngestRuns runs, JdbcClient jdbc,
            PlatformTransactionManager transactions, List<RunListener> listeners, IngestMetrics metrics) {
        this.properties = properties;
        this.loader = loader;
        this.runs = runs;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.listeners = listeners;
        this.metrics = metrics;
    }

    /**
     * Loads the source directory now, waiting first for any run in progress (in this or another instance).
     *
     * @param trigger why: {@code startup}, {@code schedule}, {@code request} or another word for the log
     * @return the outcome; a failed run is recorded, not thrown
     */
    public RunResult run(String trigger) {
        long started = System.nanoTime();
        long[] runId = {-1};
        List<FileReport> files = new ArrayList<>();
        try {
            LoadResult load = transaction.execute(status -> {
                jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query().listOfRows();
                runId[0] = runs.start(trigger);
                MDC.put(LogFields.INGEST_RUN_ID, Long.toString(runId[0]));
                log.info("ingest run {} started ({}), source {}", runId[0], trigger,
                        properties.sourceDir().toAbsolutePath());
                LoadResult result = loader.load(runId[0], SourceSet.find(properties.sourceDir()),
                        properties.rejectionsKept(), files);
                runs.succeed(runId[0], result.version(), files);
                return result;
            });
            RunResult result = new RunResult(runId[0], load, null, millisSince(started));
            logFiles(runId[0], files);
            log.info("ingest run {} SUCCEEDED: data version {} (schedule version {}{}), {} new polls, {} hours rows,"
                            + " {} zone rows, {} rows rejected, in {} ms", runId[0], load.version(),
                    load.scheduleVersion(), load.scheduleReused() ? ", unchanged" : "", load.pollsAdded(),
                    load.hoursRows(), load.zoneRows(), load.rowsRejected(), result.millis());
            listeners.forEach(listener -> listener.loaded(result));
            return finished(result, files);
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.toString() : e.getMessage();
            if (runId[0] >= 0) {
                try {
                    runs.fail(runId[0], error, files);
                } catch (RuntimeException recording) {
                    e.addSuppressed(recording);
                }
            }
            logFiles(runId[0], files);
            log.error("ingest run {} FAILED ({}), data unchanged: {}", runId[0], trigger, error, e);
            return finished(new RunResult(runId[0], null, error, millisSince(started)), files);
        }
    }

    /** Records the run's metrics and ends its log field (set once the run has an id). */
    private RunResult finished(RunResult result, List<FileReport> files) {
        metrics.recorded(result, files);
        MDC.remove(LogFields.INGEST_RUN_ID);
        return result;
    }

    private static void logFiles(long runId, List<FileReport> files) {
        for (FileReport file : files) {
            if (file.rowsRejected() > 0) {
                log.warn("ingest run {}: {} rows of {} rejected, first: line {}: {}", runId, file.rowsRejected(),
                        file.name(), file.rejections().get(0).get("line"), file.rejections().get(0).get("reason"));
            }
            if (file.status() == FileReport.Status.MISSING) {
                log.warn("ingest run {}: no {} file, defaults apply", runId, file.kind());
            }
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Told about each successful run, after its commit. */
    public interface RunListener {
        void loaded(RunResult result);
    }
}
