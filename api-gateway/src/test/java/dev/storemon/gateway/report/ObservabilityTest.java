package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.zaxxer.hikari.HikariDataSource;
import dev.storemon.gateway.GatewayTestBase;
import dev.storemon.ingest.IngestWorkerApplication;
import dev.storemon.observability.LogFields;
import dev.storemon.testing.TestInfrastructure;
import dev.storemon.worker.ReportWorkerApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.event.ContainerStoppedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health, metrics and log fields of all three services, as an operator sees them: a gateway (this context), a report
 * worker and an ingest worker (contexts of their own, on their own HTTP ports) on the shared Postgres and broker. One
 * ingest (requested through the API) and one report run first; then every service is scraped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTest extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path DASHBOARD = Path.of(
            System.getProperty("storemon.repository-root", ".."), "ops", "grafana", "dashboards", "storemon.json");

    private final Workers workers = new Workers();
    private ConfigurableApplicationContext ingest;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    private HttpResponse<String> healthBeforeData;
    private HttpResponse<String> readinessBeforeData;
    private String reportId;
    private double completedBefore;

    @BeforeAll
    void ingestAndOneReport() {
        truncateAll();
        // The data component caches for a few seconds: another test class may just have loaded data.
        healthBeforeData = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("/actuator/health"), response -> "OUT_OF_SERVICE".equals(component(response, "data")));
        readinessBeforeData = get("/actuator/health/readiness");

        workers.start("observed");
        List<String> args = new ArrayList<>();
        TestInfrastructure.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(
                "--storemon.ingest.source-dir="
                        + Path.of("..", "data", "sample").toAbsolutePath(),
                "--storemon.ingest.run-on-start=false",
                "--storemon.ingest.cron=-",
                "--spring.main.banner-mode=off"));
        ingest = IngestWorkerApplication.builder().run(args.toArray(String[]::new));
        // Attached after the last context started: starting a Spring application may re-initialise Logback, which
        // drops appenders added by hand.
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);

        assertThat(post("/api/ingest", null).statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("select count(*) from ingest_runs where status = 'SUCCEEDED'")
                                .query(Integer.class)
                                .single()
                        > 0);

        completedBefore = scrape(port).sum("storemon_report_duration_seconds_count", "outcome=\"complete\"");
        HttpResponse<String> trigger = post("/trigger_report", null);
        assertThat(trigger.statusCode()).isEqualTo(200);
        reportId = JSON.readTree(trigger.body()).get("report_id").asString();
        await().atMost(Duration.ofSeconds(120))
                .until(() -> get("/get_report?report_id=" + reportId).statusCode(), status -> status == 200);
        root.detachAppender(logs);
    }

    @AfterAll
    void stopWorkers() {
        workers.close();
        if (ingest != null) {
            ingest.close();
        }
    }

    @Test
    void dataIsOutOfServiceBeforeTheFirstIngestWhileTheGatewayStaysReady() {
        assertThat(healthBeforeData.statusCode()).isEqualTo(503);
        assertThat(component(healthBeforeData, "db")).isEqualTo("UP");
        assertThat(component(healthBeforeData, "kafka")).isEqualTo("UP");
        assertThat(JSON.readTree(healthBeforeData.body())
                        .at("/components/data/details/reason")
                        .asString())
                .contains("no data loaded yet");
        assertThat(readinessBeforeData.statusCode()).isEqualTo(200);
    }

    @Test
    void everyServiceIsUpWithItsComponentsAndProbes() {
        for (int port : ports()) {
            HttpResponse<String> health = await().atMost(Duration.ofSeconds(30))
                    .until(() -> http(port, "/actuator/health"), response -> response.statusCode() == 200);
            JsonNode body = JSON.readTree(health.body());
            assertThat(body.get("status").asString()).isEqualTo("UP");
            assertThat(component(health, "db")).isEqualTo("UP");
            assertThat(component(health, "kafka")).isEqualTo("UP");
            assertThat(body.at("/components/kafka/details/nodes").asInt()).isPositive();
            assertThat(http(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(http(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            // Only health, info and prometheus over HTTP.
            assertThat(http(port, "/actuator/env").statusCode()).isEqualTo(404);
            assertThat(http(port, "/actuator/metrics").statusCode()).isEqualTo(404);
        }
        String latestPoll = jdbc.sql("select max(ts) from polls")
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant()
                .toString();
        for (int port : new int[] {port, ingestPort()}) {
            JsonNode data = JSON.readTree(http(port, "/actuator/health").body()).at("/components/data");
            assertThat(data.get("status").asString()).isEqualTo("UP");
            assertThat(data.at("/details/latestPollAt").asString()).isEqualTo(latestPoll);
            assertThat(data.at("/details/lastSuccessfulIngestAt").asString()).isNotBlank();
        }
        assertThat(JSON.readTree(
                                http(workers.ports().get(0), "/actuator/health").body())
                        .at("/components/data")
                        .isMissingNode())
                .as("the report worker has no data component")
                .isTrue();
    }

    @Test
    void prometheusShowsEveryMetricOfTheTableWithNonZeroCounts() {
        Scrape gateway = awaitScrape(port, s -> s.value("storemon_data_latest_poll_timestamp_seconds") > 0);
        assertThat(gateway.value("storemon_report_duration_seconds_count", "outcome=\"complete\"") - completedBefore)
                .as("reports completed by this test")
                .isEqualTo(1);
        assertThat(gateway.names()).contains("storemon_report_duration_seconds_bucket", "storemon_reports_running");
        assertThat(gateway.value("storemon_reports_running")).isZero();
        long latestPoll = jdbc.sql("select max(ts) from polls")
                .query(java.time.OffsetDateTime.class)
                .single()
                .toEpochSecond();
        assertThat(gateway.value("storemon_data_latest_poll_timestamp_seconds")).isCloseTo(latestPoll, within(1.0));
        assertThat(gateway.value("storemon_ingest_last_success_timestamp_seconds"))
                .isPositive();
        assertThat(gateway.names())
                .contains(
                        "jvm_memory_used_bytes",
                        "hikaricp_connections_active",
                        "http_server_requests_seconds_count",
                        "tomcat_sessions_active_current_sessions");
        assertThat(gateway.names())
                .anyMatch(name -> name.startsWith("kafka_producer_"))
                .anyMatch(name -> name.startsWith("kafka_consumer_"));

        Scrape worker = scrape(workers.ports().get(0));
        assertThat(worker.value("storemon_shard_duration_seconds_count", "outcome=\"stored\""))
                .isEqualTo(16);
        assertThat(worker.names())
                .contains(
                        "storemon_shard_duration_seconds_bucket",
                        "jvm_memory_used_bytes",
                        "hikaricp_connections_active");
        assertThat(worker.names()).anyMatch(name -> name.startsWith("kafka_consumer_"));

        Scrape ingestWorker =
                awaitScrape(ingestPort(), s -> s.value("storemon_ingest_last_success_timestamp_seconds") > 0);
        long polls = jdbc.sql("select count(*) from polls").query(Long.class).single();
        assertThat(ingestWorker.value("storemon_ingest_rows_total", "file=\"polls\"", "result=\"loaded\""))
                .isEqualTo(polls);
        for (String file : List.of("polls", "hours", "zones")) {
            for (String result : List.of("loaded", "rejected", "already_stored")) {
                assertThat(ingestWorker.has(
                                "storemon_ingest_rows_total", "file=\"" + file + "\"", "result=\"" + result + "\""))
                        .as(file + " " + result)
                        .isTrue();
            }
        }
        assertThat(ingestWorker.value("storemon_ingest_run_duration_seconds_count", "outcome=\"succeeded\""))
                .isPositive();
        assertThat(ingestWorker.value("storemon_data_latest_poll_timestamp_seconds"))
                .isCloseTo(latestPoll, within(1.0));
    }

    @Test
    void everyMetricTheDashboardQueriesIsExported() throws IOException {
        Set<String> exported = new TreeSet<>();
        for (int port : ports()) {
            exported.addAll(scrape(port).names());
        }
        Set<String> queried = PromQl.metricNames(JSON.readTree(Files.readString(DASHBOARD)));
        assertThat(queried)
                .as("metrics in " + DASHBOARD)
                .hasSizeGreaterThan(10)
                .contains("storemon_report_duration_seconds_bucket", "jvm_memory_used_bytes");
        assertThat(exported).containsAll(queried);
    }

    @Test
    void reportAndIngestLogLinesCarryTheirIds() {
        List<ILoggingEvent> events = List.copyOf(logs.list);
        assertThat(events)
                .filteredOn(e -> e.getLoggerName().endsWith("ReportStarter"))
                .anySatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogFields.REPORT_ID, reportId));
        assertThat(events)
                .filteredOn(e -> e.getLoggerName().endsWith("ReportCompleter"))
                .anySatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogFields.REPORT_ID, reportId));
        assertThat(events)
                .filteredOn(e -> e.getLoggerName().endsWith("ShardComputer")
                        && e.getFormattedMessage().contains(reportId))
                .hasSize(16)
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap())
                        .containsEntry(LogFields.REPORT_ID, reportId)
                        .containsKey(LogFields.SHARD));
        String runId = jdbc.sql("select max(id) from ingest_runs where status = 'SUCCEEDED'")
                .query(String.class)
                .single();
        assertThat(events)
                .filteredOn(e -> e.getLoggerName().endsWith("IngestRunner")
                        && e.getFormattedMessage().startsWith("ingest run " + runId + " "))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(LogFields.INGEST_RUN_ID, runId));
    }

    @Test
    void onShutdownTheListenerContainersStopBeforeTheConnectionPoolCloses() {
        List<String> args = new ArrayList<>();
        TestInfrastructure.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of("--storemon.worker.id=stopping", "--spring.main.banner-mode=off"));
        ConfigurableApplicationContext worker =
                ReportWorkerApplication.builder().run(args.toArray(String[]::new));
        HikariDataSource pool = worker.getBean(HikariDataSource.class);
        List<Boolean> poolClosedWhenAContainerStopped = new CopyOnWriteArrayList<>();
        worker.addApplicationListener(event -> {
            if (event instanceof ContainerStoppedEvent) {
                poolClosedWhenAContainerStopped.add(pool.isClosed());
            }
        });

        worker.close();

        assertThat(poolClosedWhenAContainerStopped).isNotEmpty().containsOnly(false);
        assertThat(pool.isClosed()).isTrue();
    }

    private List<Integer> ports() {
        List<Integer> ports = new ArrayList<>(List.of(port, ingestPort()));
        ports.addAll(workers.ports());
        return ports;
    }

    private int ingestPort() {
        return Integer.parseInt(ingest.getEnvironment().getProperty("local.server.port"));
    }

    private static String component(HttpResponse<String> health, String name) {
        return JSON.readTree(health.body())
                .at("/components/" + name + "/status")
                .asString();
    }

    private Scrape awaitScrape(int port, java.util.function.Predicate<Scrape> ready) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> scrape(port), ready);
    }

    private static Scrape scrape(int port) {
        HttpResponse<String> response = http(port, "/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return new Scrape(response.body());
    }

    private static HttpResponse<String> http(int port, String path) {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Prometheus text format, read line by line: {@code name{labels} value}. */
    record Scrape(String text) {

        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s+(\\S+)");

        Set<String> names() {
            Set<String> names = new TreeSet<>();
            text.lines().map(SAMPLE::matcher).filter(Matcher::find).forEach(m -> names.add(m.group(1)));
            return names;
        }

        boolean has(String name, String... labels) {
            return !samples(name, labels).isEmpty();
        }

        /** Like {@link #value}, but 0 when there is no such sample yet. */
        double sum(String name, String... labels) {
            return samples(name, labels).stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
        }

        /** The sum over the samples of {@code name} that carry all {@code labels} ({@code key="value"}). */
        double value(String name, String... labels) {
            List<Double> values = samples(name, labels);
            assertThat(values).as("%s%s in the scrape", name, List.of(labels)).isNotEmpty();
            return values.stream().mapToDouble(Double::doubleValue).sum();
        }

        private List<Double> samples(String name, String... labels) {
            List<Double> values = new ArrayList<>();
            text.lines()
                    .map(SAMPLE::matcher)
                    .filter(Matcher::find)
                    .filter(m -> m.group(1).equals(name))
                    .filter(m -> List.of(labels).stream()
                            .allMatch(label -> m.group(2) != null && m.group(2).contains(label)))
                    .forEach(m -> values.add(Double.parseDouble(m.group(3))));
            return values;
        }
    }
}
