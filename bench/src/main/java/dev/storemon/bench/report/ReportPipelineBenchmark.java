package dev.storemon.bench.report;

import dev.storemon.gateway.GatewayApplication;
import dev.storemon.testing.TestInfrastructure;
import dev.storemon.worker.ReportWorkerApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end report benchmark: an embedded Postgres and an in-JVM broker, a generated dataset loaded with COPY, the
 * gateway and one report worker; times trigger_report to a Complete get_report.
 *
 * <p>Options ({@code --name=value}): {@code stores} (14000), {@code polls-per-store} (130), {@code runs} (5),
 * {@code shards} (16), {@code worker-concurrency} (2), {@code worker-heap}: when set (e.g. {@code 256m}), the worker runs as a separate JVM with that
 * {@code -Xmx} (same classpath), so that its heap is bounded and measured apart from the gateway's;
 * {@code hold-seconds}: keep the database up that long after the runs (to look at query plans with psql).
 *
 * <p>Every run asks for a distinct {@code as_of} (7 minutes and 13 seconds apart, going back from the data's end), so
 * that no run is served a stored result: each one is really computed. The worker logs, per shard, where its data came
 * from (the warm cache or Postgres) and its read+compute and write times; the gateway logs each completion.
 */
public final class ReportPipelineBenchmark {

    private static final Instant AS_OF = Instant.parse("2023-01-25T18:00:00Z");

    private ReportPipelineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int stores = Integer.parseInt(options.getOrDefault("stores", "14000"));
        int pollsPerStore = Integer.parseInt(options.getOrDefault("polls-per-store", "130"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        String shards = options.getOrDefault("shards", "16");
        String workerHeap = options.get("worker-heap");

        var endpoints = TestInfrastructure.endpoints();
        List<String> infra = new ArrayList<>();
        TestInfrastructure.springProperties().forEach((k, v) -> infra.add("--" + k + "=" + v));
        List<String> gatewayArgs = new ArrayList<>(infra);
        gatewayArgs.addAll(List.of(
                "--server.port=0",
                "--storemon.gateway.shard-count=" + shards,
                // api-gateway.yml turns access control on, and without an admin key the gateway refuses to start; the
                // benchmark measures the pipeline, as ./storemon runs it (security off unless asked)
                "--storemon.security.enabled=false",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.level.dev.storemon=INFO"));
        try (ConfigurableApplicationContext gateway =
                GatewayApplication.builder().run(gatewayArgs.toArray(String[]::new))) {
            int port = Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port"));
            long started = System.nanoTime();
            long polls = BenchData.load(gateway.getBean(DataSource.class), stores, pollsPerStore, AS_OF, 2023);
            System.out.printf("loaded %d stores, %d polls in %.1f s%n", stores, polls, seconds(started));

            List<String> workerArgs = new ArrayList<>(infra);
            workerArgs.addAll(List.of(
                    "--storemon.worker.id=bench-worker",
                    "--storemon.worker.concurrency=" + options.getOrDefault("worker-concurrency", "2"),
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN",
                    "--logging.level.dev.storemon=INFO"));
            Process external = null;
            ConfigurableApplicationContext worker = null;
            if (workerHeap != null) {
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx" + workerHeap,
                        "-Xlog:gc:file=target/report-worker-gc.log",
                        "-cp",
                        System.getProperty("java.class.path"),
                        ReportWorkerApplication.class.getName()));
                command.addAll(workerArgs);
                external = new ProcessBuilder(command).inheritIO().start();
                System.out.println("worker: separate JVM, -Xmx" + workerHeap + ", GC log target/report-worker-gc.log");
            } else {
                worker = ReportWorkerApplication.builder().run(workerArgs.toArray(String[]::new));
                System.out.println("worker: in this JVM");
            }
            try {
                HttpClient http = HttpClient.newHttpClient();
                // The first report also waits for the worker to join its consumer group and for the JIT.
                double first = timeReport(http, port, 300, AS_OF);
                System.out.printf("first report (cold, includes the worker joining): %.2f s%n", first);
                double[] times = new double[runs];
                for (int i = 0; i < runs; i++) {
                    Instant asOf = AS_OF.minusSeconds(433L * (i + 1));
                    times[i] = timeReport(http, port, 120, asOf);
                    System.out.printf("run %d (as_of %s): %.3f s%n", i + 1, asOf, times[i]);
                }
                Arrays.sort(times);
                System.out.printf(
                        "RESULT trigger->Complete, %d stores, %d polls, %s shards, 1 worker: median %.3f s,"
                                + " best %.3f s, worst %.3f s (%s)%n",
                        stores, polls, shards, times[runs / 2], times[0], times[runs - 1], endpoints.kind());
                if (options.containsKey("hold-seconds")) {
                    // Leaves the loaded database up for EXPLAIN with psql.
                    System.out.println("holding; database at " + endpoints.jdbcUrl() + ", broker at "
                            + endpoints.bootstrapServers());
                    TimeUnit.SECONDS.sleep(Long.parseLong(options.get("hold-seconds")));
                }
            } finally {
                if (worker != null) {
                    worker.close();
                }
                if (external != null) {
                    external.destroy();
                    external.waitFor(30, TimeUnit.SECONDS);
                }
            }
        }
        System.exit(0);
    }

    private static double timeReport(HttpClient http, int port, int timeoutSeconds, Instant asOf) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> trigger = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/trigger_report?as_of=" + asOf))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (trigger.statusCode() != 200) {
            throw new IllegalStateException("trigger_report answered " + trigger.statusCode() + ": " + trigger.body());
        }
        String id = trigger.body().replaceAll(".*\"report_id\":\"([^\"]+)\".*", "$1");
        URI status = URI.create("http://localhost:" + port + "/get_report?report_id=" + id);
        while (seconds(started) < timeoutSeconds) {
            HttpResponse<String> answer =
                    http.send(HttpRequest.newBuilder(status).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                if (!"Complete"
                        .equals(answer.headers().firstValue("X-Report-Status").orElse(""))) {
                    throw new IllegalStateException("report " + id + " did not complete: " + answer.body());
                }
                return seconds(started);
            }
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("get_report answered " + answer.statusCode() + ": " + answer.body());
            }
            // Polling the HTTP API, like a client; 10 ms granularity.
            TimeUnit.MILLISECONDS.sleep(10);
        }
        throw new IllegalStateException("report " + id + " not complete after " + timeoutSeconds + " s");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options look like --stores=14000, was " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
