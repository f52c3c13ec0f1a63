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
    private final RunRecords runs;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final List<RunListener> listeners;
    private final IngestMetrics metrics;

    IngestRunner(
            IngestProperties properties,
            VersionLoader loader,
            RunRecords runs,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            List<RunListener> listeners,
            IngestMetrics metrics) {
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
     * @param trigger why
     * @return the outcome; a failed run is recorded, not thrown
     */
    public RunResult run(Trigger trigger) {
        long started = System.nanoTime();
        List<FileReport.Builder> files = new ArrayList<>();
        long runId = -1;
        try {
            Loaded loaded = transaction.execute(status -> {
                jdbc.sql("select pg_advisory_xact_lock(:key)")
                        .param("key", LOCK_KEY)
                        .query()
                        .listOfRows();
                long id = runs.start(trigger);
                MDC.put(LogFields.INGEST_RUN_ID, Long.toString(id));
                try {
                    log.info(
                            "ingest run {} started ({}), source {}",
                            id,
                            trigger,
                            properties.sourceDir().toAbsolutePath());
                    LoadResult result =
                            loader.load(id, SourceSet.find(properties.sourceDir()), properties.rejectionsKept(), files);
                    runs.succeed(id, result.version(), built(files));
                    if (result.newVersion()) {
                        listeners.forEach(listener -> listener.committing(id, result));
                    }
                    return new Loaded(id, result);
                } catch (RuntimeException e) {
                    throw new RunFailed(id, e); // rolls back, and tells the catch below which run failed
                }
            });
            runId = loaded.runId();
            LoadResult load = loaded.load();
            RunResult result = new RunResult(runId, load, null, millisSince(started));
            logFiles(runId, files);
            if (load.newVersion()) {
                log.info(
                        "ingest run {} SUCCEEDED: data version {} (schedule version {}{}), {} new polls, {} hours rows,"
                                + " {} zone rows, {} rows rejected, in {} ms",
                        runId,
                        load.version(),
                        load.scheduleVersion(),
                        load.scheduleReused() ? ", unchanged" : "",
                        load.pollsAdded(),
                        load.hoursRows(),
                        load.zoneRows(),
                        load.rowsRejected(),
                        result.millis());
                listeners.forEach(listener -> listener.loaded(result));
            } else {
                log.info(
                        "ingest run {} SUCCEEDED: nothing changed, data version {} stays current, {} rows rejected,"
                                + " in {} ms",
                        runId,
                        load.version(),
                        load.rowsRejected(),
                        result.millis());
            }
            return finished(result, files);
        } catch (RuntimeException e) {
            Throwable cause = e;
            if (e instanceof RunFailed failed) {
                runId = failed.runId;
                cause = e.getCause();
            }
            String error = cause.getMessage() == null ? cause.toString() : cause.getMessage();
            if (runId >= 0) {
                try {
                    runs.fail(runId, error, built(files));
                } catch (RuntimeException recording) {
                    cause.addSuppressed(recording);
                }
            }
            logFiles(runId, files);
            log.error("ingest run {} FAILED ({}), data unchanged: {}", runId, trigger, error, cause);
            return finished(new RunResult(runId, null, error, millisSince(started)), files);
        }
    }

    /** Records the run's metrics and ends its log field (set once the run has an id). */
    private RunResult finished(RunResult result, List<FileReport.Builder> files) {
        metrics.recorded(result, built(files));
        MDC.remove(LogFields.INGEST_RUN_ID);
        return result;
    }

    private static List<FileReport> built(List<FileReport.Builder> files) {
        return files.stream().map(FileReport.Builder::build).toList();
    }

    private static void logFiles(long runId, List<FileReport.Builder> builders) {
        for (FileReport file : built(builders)) {
            if (file.rowsRejected() > 0) {
                log.warn(
                        "ingest run {}: {} rows of {} rejected, first: line {}: {}",
                        runId,
                        file.rowsRejected(),
                        file.name(),
                        file.rejections().get(0).line(),
                        file.rejections().get(0).reason());
            }
            if (file.status() == FileReport.Status.MISSING) {
                log.warn(
                        "ingest run {}: no {} file, defaults apply",
                        runId,
                        file.kind().word());
            }
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /**
     * Told about each run that created a new data version, after its commit (a run that changed nothing has nothing
     * to announce).
     */
    public interface RunListener {
        void loaded(RunResult result);

        /**
         * Called inside the loading transaction of a run that creates a new version, just before its commit: what is
         * written here commits or rolls back with the data (the outbox).
         *
         * @param runId the run
         * @param load  what it loaded
         */
        default void committing(long runId, LoadResult load) {}
    }

    /** What the loading transaction returns. */
    private record Loaded(long runId, LoadResult load) {}

    /** A failure after the run was recorded: carries its id out of the rolled-back transaction. */
    private static final class RunFailed extends RuntimeException {
        private final long runId;

        RunFailed(long runId, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.runId = runId;
        }
    }
}
