package dev.storemon.ingest.run;

import dev.storemon.ingest.source.FileReport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The ingest run metrics: {@code storemon_ingest_run_duration_seconds} (tag {@code outcome} = succeeded | failed) and
 * {@code storemon_ingest_rows_total} (tags {@code file} = polls | hours | zones, {@code result} = loaded | rejected |
 * already_stored). Rows are counted for successful runs only: a failed run stored nothing, and its counts are in its
 * run record. The counts are those of the run record ({@code ingest_runs.files}), so the two always agree.
 */
@Component
class IngestMetrics {

    private static final Map<String, String> RESULTS = Map.of(
            "loaded", "rows_loaded",
            "rejected", "rows_rejected",
            "already_stored", "rows_already_stored");

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
            Map<String, Object> counts = file.toJson();
            RESULTS.forEach((outcome, field) -> Counter.builder("storemon.ingest.rows")
                    .description("Rows of the source files, by what became of them")
                    .tag("file", file.kind())
                    .tag("result", outcome)
                    .register(registry)
                    .increment(((Number) counts.get(field)).doubleValue()));
        }
    }
}
