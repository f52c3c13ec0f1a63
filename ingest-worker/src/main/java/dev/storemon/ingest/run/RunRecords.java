package dev.storemon.ingest.run;

import dev.storemon.ingest.source.FileReport;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the run records (table {@code ingest_runs}): one row per run, RUNNING, then SUCCEEDED or FAILED. The
 * gateway's {@code GET /api/ingest/status} reads them.
 */
@Component
class RunRecords {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate separately;

    RunRecords(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a new RUNNING run, committed at once so that the status endpoint shows it. Called while holding the
     * ingest lock, so a run still marked RUNNING can only be one whose worker died: it is marked FAILED.
     */
    long start(Trigger trigger) {
        return separately.execute(status -> {
            jdbc.sql("""
                    update ingest_runs set status = :failed, finished_at = clock_timestamp(),
                           error = 'abandoned: the worker stopped during the run'
                    where status = :running""")
                    .param("failed", RunStatus.FAILED.name())
                    .param("running", RunStatus.RUNNING.name())
                    .update();
            return jdbc.sql("""
                    insert into ingest_runs (trigger, status, started_at) values (:trigger, :running, clock_timestamp())
                    returning id""")
                    .param("trigger", trigger.word())
                    .param("running", RunStatus.RUNNING.name())
                    .query(Long.class)
                    .single();
        });
    }

    /**
     * Marks the run SUCCEEDED; called inside the loading transaction, so it commits with the data.
     *
     * @param dataVersion the version the run created, or the current one when it changed nothing
     */
    void succeed(long runId, long dataVersion, List<FileReport> files) {
        jdbc.sql("""
                update ingest_runs set status = :status, finished_at = clock_timestamp(), data_version = :version,
                       files = cast(:files as jsonb)
                where id = :id""")
                .param("status", RunStatus.SUCCEEDED.name())
                .param("version", dataVersion)
                .param("files", json.writeValueAsString(files))
                .param("id", runId)
                .update();
    }

    /** Marks the run FAILED, after the loading transaction rolled back. */
    void fail(long runId, String error, List<FileReport> files) {
        separately.executeWithoutResult(status -> jdbc.sql("""
                update ingest_runs set status = :status, finished_at = clock_timestamp(), error = :error,
                       files = cast(:files as jsonb)
                where id = :id""")
                .param("status", RunStatus.FAILED.name())
                .param("error", error)
                .param("files", json.writeValueAsString(files))
                .param("id", runId)
                .update());
    }
}
