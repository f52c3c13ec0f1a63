package dev.storemon.ingest.run;

import dev.storemon.ingest.source.FileReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The ingest run metrics: {@code storemon_ingest_run_duration_seconds} (tag {@code outcome} = succeeded | failed) and
 * {@code storemon_ingest_rows_total} (tags {@code file} = polls | hours | zones, {@code result} = loaded | rejected |
 * already_stored). Rows are counted for successful runs only: a failed run stored nothing, and its counts are in its
 * run record. The counts are those of the run record ({@code ingest_runs.files}), so the two always agree.
 */
@Component
class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void recorded(RunResult result, List<FileReport> files) {
        Timer.builder("storemon.ingest.run.duration")
                .description("One ingest run, lock wait included")
                .tag("outcome", result.succeeded() ? "succeeded" : "failed")
                .publishPercentileHistogram()
                .register(registry)
                .record(Duration.ofMillis(result.millis()));
        if (!result.succeeded()) {
            return;
        }
        for (FileReport file : files) {
            count(file, "loaded", file.rowsLoaded());
            count(file, "rejected", file.rowsRejected());
            count(file, "already_stored", file.rowsAlreadyStored());
        }
    }

    private void count(FileReport file, String result, long rows) {
        Counter.builder("storemon.ingest.rows")
                .description("Rows of the source files, by what became of them")
                .tag("file", file.kind().word())
                .tag("result", result)
                .register(registry)
                .increment(rows);
    }
}
