package dev.storemon.bench.ingest;

import dev.storemon.ingest.IngestWorkerApplication;
import dev.storemon.ingest.run.IngestRunner;
import dev.storemon.ingest.run.RunResult;
import dev.storemon.ingest.run.Trigger;
import dev.storemon.testing.TestInfrastructure;
import dev.storemon.tools.generate.DataGenerator;
import dev.storemon.tools.generate.GeneratorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ingest throughput on full-size data: generates 14,000 stores x 7 days (~1.9M polls), starts the ingest worker on
 * a real Postgres and Kafka (embedded when there is no Docker), and measures (1) a first load of the poll file minus
 * its last 14,000 lines, (2) the reload after those 14,000 lines are appended (one new hour), (3) a reload of an
 * unchanged file, (4) a reload after a rewrite that forces a full parse of everything already stored.
 *
 * <p>Usage: {@code IngestBench [--stores 14000] [--days 7] [--seed 42] [--tail 14000]}.
 */
public final class IngestBench {

    private IngestBench() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        int stores = Integer.parseInt(options.getOrDefault("--stores", "14000"));
        int days = Integer.parseInt(options.getOrDefault("--days", "7"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "42"));
        int tail = Integer.parseInt(options.getOrDefault("--tail", "14000"));

        Path work = Files.createTempDirectory("storemon-ingest-bench");
        Path generated = work.resolve("generated");
        Path source = work.resolve("source");
        Files.createDirectories(source);
        DataGenerator.Summary summary = new DataGenerator(GeneratorOptions.of(stores, days, seed)).writeTo(generated);
        System.out.printf(
                "generated %d stores, %d polls, %d hours rows, %d zone rows%n",
                summary.stores(), summary.polls(), summary.hoursRows(), summary.zoneRows());
        List<String> lines = Files.readAllLines(generated.resolve(DataGenerator.POLLS_FILE));
        List<String> head = lines.subList(0, lines.size() - tail);
        List<String> last = lines.subList(lines.size() - tail, lines.size());

        Map<String, Object> properties = new HashMap<>(TestInfrastructure.springProperties());
        properties.put("storemon.ingest.source-dir", source.toString());
        properties.put("storemon.ingest.run-on-start", "false");
        properties.put("storemon.ingest.cron", "-");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.dev.storemon.ingest.load", "DEBUG");
        // command-line arguments: they take precedence over ingest-worker.yml (builder defaults would not)
        String[] appArgs = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context =
                IngestWorkerApplication.builder().run(appArgs)) {
            IngestRunner runner = context.getBean(IngestRunner.class);
            JdbcClient jdbc = context.getBean(JdbcClient.class);

            // warm-up on a small data set, then start from an empty database
            new DataGenerator(GeneratorOptions.of(500, days, seed + 1)).writeTo(source);
            measure("warm-up (500 stores)", runner);
            jdbc.sql("truncate data_versions, ingest_runs, polls, business_hours, store_zones, stores cascade")
                    .update();

            for (String file : List.of(DataGenerator.HOURS_FILE, DataGenerator.ZONES_FILE)) {
                Files.copy(generated.resolve(file), source.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Path polls = source.resolve(DataGenerator.POLLS_FILE);
            Files.write(polls, head);
            RunResult full = measure("full load", runner);
            System.out.printf(
                    "  -> %,d polls in %,d ms = %,.0f polls/s (run includes %,d hours and %,d zone rows)%n",
                    full.load().pollsAdded(),
                    full.millis(),
                    full.load().pollsAdded() * 1000.0 / full.millis(),
                    full.load().hoursRows(),
                    full.load().zoneRows());
            Files.write(polls, last, java.nio.file.StandardOpenOption.APPEND);
            measure("reload, " + tail + " polls appended", runner);
            measure("reload, nothing changed", runner);
            Files.write(polls, reordered(lines));
            RunResult reparse = measure("reload, rewritten file (full parse, all polls already stored)", runner);
            System.out.printf(
                    "  -> %,d rows parsed and compared in %,d ms = %,.0f rows/s%n",
                    lines.size() - 1L, reparse.millis(), (lines.size() - 1L) * 1000.0 / reparse.millis());
        }
        System.exit(0);
    }

    private static RunResult measure(String what, IngestRunner runner) {
        RunResult result = runner.run(Trigger.MANUAL);
        if (!result.succeeded()) {
            throw new IllegalStateException(what + " failed: " + result.error());
        }
        System.out.printf(
                "%-70s %,8d ms  (version %d, %,d new polls, schedule %s)%n",
                what,
                result.millis(),
                result.load().version(),
                result.load().pollsAdded(),
                result.load().scheduleReused() ? "reused" : "new");
        return result;
    }

    /** The same polls with the first two data lines swapped: the prefix changes, the content does not. */
    private static List<String> reordered(List<String> lines) {
        List<String> copy = new java.util.ArrayList<>(lines);
        java.util.Collections.swap(copy, 1, 2);
        return copy;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
