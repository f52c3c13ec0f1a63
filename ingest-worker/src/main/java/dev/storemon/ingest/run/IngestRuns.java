package dev.storemon.ingest.run;

import dev.storemon.ingest.source.FileReport;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The {@code ingest_runs} table: one row per run, RUNNING, then SUCCEEDED or FAILED. */
@Component
class IngestRuns {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate separately;

    IngestRuns(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a new RUNNING run, committed at once so that the status endpoint shows it. Called while holding the
     * ingest lock, so a run still marked RUNNING can only be one whose worker died: it is marked FAILED.
     */
    long start(String trigger) {
        return separately.execute(status -> {
            jdbc.sql("""
                    update ingest_runs set status = 'FAILED', finished_at = clock_timestamp(),
                           error = 'abandoned: the worker stopped during the run'
                    where status = 'RUNNING'""").update();
            return jdbc.sql("""
                    insert into ingest_runs (trigger, status, started_at) values (:trigger, 'RUNNING', clock_timestamp())
                    returning id""").param("trigger", trigger).query(Long.class).single();
        });
    }

    /** Marks the run SUCCEEDED; called inside the loading transaction, so it commits with the data. */
    void succeed(long runId, long dataVersion, List<FileReport> files) {
        jdbc.sql("""
                update ingest_runs set status = 'SUCCEEDED', finished_at = clock_timestamp(), data_version = :version,
                       files = cast(:files as jsonb)
                where id = :id""")
                .param("version", dataVersion).param("files", toJson(files)).param("id", runId).update();
    }

    /** Marks the run FAILED, after the loading transaction rolled back. */
    void fail(long runId, String error, List<FileReport> files) {
        separately.executeWithoutResult(status -> jdbc.sql("""
                update ingest_runs set status = 'FAILED', finished_at = clock_timestamp(), error = :error,
                       files = cast(:files as jsonb)
                where id = :id""")
                .param("error", error).param("files", toJson(files)).param("id", runId).update());
    }

    private String toJson(List<FileReport> files) {
        return json.writeValueAsString(files.stream().map(FileReport::toJson).toList());
    }
}
