package dev.storemon.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.messages.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Smoke test of the built artifact: starts {@code standalone/target/storemon-standalone.jar} as its own process (as
 * {@code ./storemon} does, from the repository root so that it loads {@code data/sample}), asks for a report over
 * HTTP and checks the CSV. Runs in {@code verify} after {@code package} (failsafe), so it tests the jar users run.
 */
class StandaloneJarIT {

    private static final String CSV_HEADER = "store_id,uptime_last_hour,uptime_last_day,uptime_last_week,"
            + "downtime_last_hour,downtime_last_day,downtime_last_week";
    private static final Pattern READY =
            Pattern.compile("storemon standalone ready: API (\\S+) \\| Postgres (\\S+) \\| Kafka (\\S+)");

    private final Path root = Path.of(System.getProperty("storemon.repository-root", ".."))
            .toAbsolutePath()
            .normalize();
    private final Path jar = Path.of(System.getProperty("storemon.standalone-jar", "target/storemon-standalone.jar"));
    private final Path log = Path.of(System.getProperty("storemon.it-log", "target/standalone-it.log"));
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private Process standalone;

    @Test
    void theBuiltJarServesACompleteReportOfTheSampleData() throws Exception {
        assertThat(jar).as("run ./mvnw package first").exists();
        int port = freePort();
        standalone = new ProcessBuilder(
                        javaExecutable(),
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--storemon.embedded.kafka-port=0",
                        "--storemon.embedded.postgres-port=0",
                        "--management.endpoints.web.exposure.include=health,prometheus")
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        String api = "http://localhost:" + port;

        // ready = the API answers and the sample data is loaded (409 until the first ingest has produced a version)
        HttpResponse<String> triggered = await("the API answers trigger_report with a report id")
                .atMost(ApiClient.START_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> send(HttpRequest.newBuilder(URI.create(api + "/trigger_report"))
                                .POST(HttpRequest.BodyPublishers.noBody())),
                        r -> r.statusCode() == 200);
        JsonNode trigger = json.readTree(triggered.body());
        assertThat(trigger.get("status").asString()).isEqualTo("Running");
        String reportId = trigger.get("report_id").asString();

        HttpResponse<String> report = await("the report completes")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> send(HttpRequest.newBuilder(URI.create(api + "/get_report?report_id=" + reportId))),
                        r -> r.statusCode() != 202);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.headers().firstValue("X-Report-Status")).hasValue("Complete");
        assertThat(report.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));

        List<String> lines = report.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(CSV_HEADER);
        Set<String> reported = lines.stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .collect(Collectors.toSet());
        assertThat(lines).hasSize(reported.size() + 1);
        assertThat(reported).isEqualTo(storesWithAPoll(root.resolve("data/sample/store_status.csv")));

        theAdvertisedEndpointsServeOtherProcesses(reportId);
        theGatewaysMetricsShowEveryServiceOfTheJvm(api);
    }

    /**
     * One registry for the three service contexts: each has its own connection pool, and the gateway's scrape shows
     * all three (with a registry per context it would show its own only).
     */
    private void theGatewaysMetricsShowEveryServiceOfTheJvm(String api) throws Exception {
        HttpResponse<String> scrape = send(HttpRequest.newBuilder(URI.create(api + "/actuator/prometheus")));
        assertThat(scrape.statusCode()).isEqualTo(200);
        Set<String> pools = Pattern.compile("hikaricp_connections_max\\{[^}]*pool=\"([^\"]+)\"")
                .matcher(scrape.body())
                .results()
                .map(match -> match.group(1))
                .collect(Collectors.toSet());
        assertThat(pools).as(scrape.body()).hasSize(3);
        // every series names the process, not whichever service registered its tag first
        Set<String> applications = Pattern.compile("application=\"([^\"]*)\"")
                .matcher(scrape.body())
                .results()
                .map(match -> match.group(1))
                .collect(Collectors.toSet());
        assertThat(applications).containsExactly("storemon-standalone");
        assertThat(scrape.body()).contains("storemon_shard_duration_seconds_count{application=\"storemon-standalone\"");
    }

    /** What the README tells operators: more report workers can join the printed broker and database. */
    private void theAdvertisedEndpointsServeOtherProcesses(String reportId) throws Exception {
        String output = Files.readString(log);
        Matcher ready = READY.matcher(output);
        assertThat(ready.find())
                .as("the 'storemon standalone ready' line in " + log)
                .isTrue();
        assertThat(output)
                .contains("More report workers join with: ./storemon --storemon.roles=worker "
                        + "--management.server.port=8081 --spring.datasource.url=" + ready.group(2));
        try (Connection db = DriverManager.getConnection(ready.group(2), "postgres", "postgres");
                PreparedStatement query = db.prepareStatement("select status from reports where id = ?")) {
            query.setObject(1, UUID.fromString(reportId));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("COMPLETE");
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ready.group(3)))) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(Topics.REPORT_TASKS);
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (standalone == null) {
            return;
        }
        standalone.destroy(); // SIGTERM: the shutdown hook closes the services, the broker and Postgres
        if (!standalone.waitFor(60, TimeUnit.SECONDS)) {
            standalone.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("standalone did not stop within 60 s of SIGTERM; see " + log);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Set<String> storesWithAPoll(Path polls) throws IOException {
        try (Stream<String> lines = Files.lines(polls)) {
            return lines.skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.substring(0, line.indexOf(',')).trim())
                    .collect(Collectors.toSet());
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
