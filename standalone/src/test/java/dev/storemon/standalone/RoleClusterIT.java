package dev.storemon.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.messages.Topics;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one jar as a cluster of four processes on one machine, one per role ({@code infra}, {@code gateway},
 * {@code worker}, {@code ingest}), each with its own ports, as the README's four-terminal cluster. The second test
 * restarts infra on the same data directory under the running services of the first (JVM start-ups are the slow
 * part on 2 shared cores, so the cluster is started once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RoleClusterIT {

    /** Explicit, so that reports of different runs (cluster, all-in-one, after a restart) are comparable. */
    private static final String AS_OF = "2023-01-25T10:00:00Z";

    private static final String INTERPOLATION = "previous";
    private static final String CSV_HEADER = "store_id,uptime_last_hour,uptime_last_day,uptime_last_week,"
            + "downtime_last_hour,downtime_last_day,downtime_last_week";
    private static final String WORKER_GROUP = "storemon-report-workers";

    @TempDir
    static Path dataDir;

    private final int postgresPort = JarProcess.freePort();
    private final int kafkaPort = JarProcess.freePort();
    private final int gatewayPort = JarProcess.freePort();
    private final int workerPort = JarProcess.freePort();
    private final int ingestPort = JarProcess.freePort();
    private final String jdbcUrl = "jdbc:postgresql://localhost:" + postgresPort + "/postgres";
    private final String bootstrapServers = "localhost:" + kafkaPort;
    private final List<JarProcess> processes = new ArrayList<>();

    private JarProcess infra;
    private String firstReportId;
    private String clusterCsv;

    @Test
    @Order(1)
    void aClusterOfOneProcessPerRoleReportsExactlyWhatTheAllInOneReports() throws Exception {
        // The services first: each waits for Postgres and Kafka, and says it is not ready meanwhile.
        String[] connect = {
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--spring.kafka.bootstrap-servers=" + bootstrapServers
        };
        processes.add(JarProcess.start(
                "cluster-gateway", with(connect, "--storemon.roles=gateway", "--server.port=" + gatewayPort)));
        processes.add(JarProcess.start(
                "cluster-worker", with(connect, "--storemon.roles=worker", "--management.server.port=" + workerPort)));
        processes.add(JarProcess.start(
                "cluster-ingest", with(connect, "--storemon.roles=ingest", "--management.server.port=" + ingestPort)));
        for (int port : List.of(gatewayPort, workerPort, ingestPort)) {
            HttpResponse<String> waiting = await("port " + port + " answers 'not ready' while Postgres is missing")
                    .atMost(ApiClient.START_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .until(
                            () -> ApiClient.get(port, "/actuator/health/readiness"),
                            // until its first try has named what it waits for (before it: "Postgres and Kafka")
                            r -> r.statusCode() == 503 && r.body().contains("Postgres at " + jdbcUrl));
            assertThat(waiting.body()).contains("OUT_OF_SERVICE", "Postgres at " + jdbcUrl);
            assertThat(ApiClient.get(port, "/actuator/health/liveness").statusCode())
                    .isEqualTo(200);
        }

        infra = startInfra("cluster-infra");
        assertThat(infra.log())
                .contains("Other roles connect with: --spring.datasource.url=" + jdbcUrl
                        + " --spring.datasource.username=postgres --spring.datasource.password=postgres"
                        + " --spring.kafka.bootstrap-servers=" + bootstrapServers);

        for (int port : List.of(gatewayPort, workerPort, ingestPort)) {
            HttpResponse<String> health = await("the service on port " + port + " is up")
                    .atMost(ApiClient.START_TIMEOUT)
                    .pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions()
                    .until(() -> ApiClient.get(port, "/actuator/health"), r -> r.statusCode() == 200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
        for (int port : List.of(workerPort, ingestPort)) {
            // management endpoints only: no API, no API documentation
            assertThat(ApiClient.get(port, "/trigger_report").statusCode()).isEqualTo(404);
            assertThat(ApiClient.get(port, "/v3/api-docs").statusCode()).isEqualTo(404);
        }

        ApiClient cluster = new ApiClient(gatewayPort);
        firstReportId = cluster.trigger(AS_OF, INTERPOLATION);
        clusterCsv = cluster.awaitCsv(firstReportId);
        assertThat(clusterCsv.lines().findFirst()).hasValue(CSV_HEADER);
        assertThat(clusterCsv.lines().count()).isGreaterThan(100);

        int allInOnePort = JarProcess.freePort();
        try (JarProcess allInOne = JarProcess.start(
                "all-in-one",
                "--server.port=" + allInOnePort,
                "--storemon.embedded.postgres-port=0",
                "--storemon.embedded.kafka-port=0")) {
            ApiClient standalone = new ApiClient(allInOnePort);
            assertThat(standalone.awaitCsv(standalone.trigger(AS_OF, INTERPOLATION)))
                    .isEqualTo(clusterCsv);
        }
    }

    @Test
    @Order(2)
    void infraStoppedAndStartedAgainOnItsDataDirectoryLosesNothing() throws Exception {
        assertThat(clusterCsv)
                .as("the cluster of the first test completed a report")
                .isNotNull();
        long polls = count("select count(*) from polls");
        long completeReports = count("select count(*) from reports where status = 'COMPLETE'");
        assertThat(polls).isPositive();
        Map<TopicPartition, Long> committed = await("the workers committed every task they took")
                .atMost(ApiClient.REPORT_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(this::workerOffsets, offsets -> !offsets.isEmpty() && offsets.equals(taskEndOffsets()));

        infra.stop(); // SIGTERM
        infra = startInfra("cluster-infra-restarted");

        assertThat(count("select count(*) from polls")).isEqualTo(polls);
        assertThat(count("select count(*) from reports where status = 'COMPLETE'"))
                .isEqualTo(completeReports);
        assertThat(workerOffsets()).isEqualTo(committed);

        // the gateway, still running, reconnects and answers the earlier report with the same CSV
        ApiClient gateway = new ApiClient(gatewayPort);
        HttpResponse<String> earlier = await("the gateway answers the earlier report again")
                .atMost(ApiClient.START_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(() -> gateway.get("/get_report?report_id=" + firstReportId), r -> r.statusCode() == 200);
        assertThat(earlier.body()).isEqualTo(clusterCsv);
        // and the whole pipeline works again on the kept topics and consumer groups
        assertThat(gateway.awaitCsv(gateway.trigger(AS_OF, INTERPOLATION))).isEqualTo(clusterCsv);
    }

    @AfterAll
    void stopCluster() throws InterruptedException {
        List<AssertionError> failures = new ArrayList<>();
        for (int i = processes.size() - 1; i >= 0; i--) {
            try {
                processes.get(i).stop();
            } catch (AssertionError e) {
                failures.add(e);
            }
        }
        if (infra != null) {
            infra.stop();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private JarProcess startInfra(String name) throws Exception {
        JarProcess started = JarProcess.start(
                name,
                "--storemon.roles=infra",
                "--storemon.embedded.postgres-port=" + postgresPort,
                "--storemon.embedded.kafka-port=" + kafkaPort,
                "--storemon.embedded.data-dir=" + dataDir);
        await(name + " is ready")
                .atMost(ApiClient.START_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> !started.isAlive() || started.log().contains("storemon infra ready"));
        assertThat(started.isAlive()).as(started + " is running").isTrue();
        assertThat(started.log()).contains("data kept in " + dataDir.toAbsolutePath());
        return started;
    }

    private long count(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
                Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private Map<TopicPartition, Long> workerOffsets() throws Exception {
        try (Admin admin = admin()) {
            return admin
                    .listConsumerGroupOffsets(WORKER_GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .entrySet()
                    .stream()
                    .filter(e -> e.getValue() != null && e.getValue().offset() > 0)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    private Map<TopicPartition, Long> taskEndOffsets() {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(Topics.REPORT_TASKS))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(Topics.REPORT_TASKS)
                    .partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(Topics.REPORT_TASKS, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                    .filter(e -> e.getValue().offset() > 0)
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("could not read the end offsets of " + Topics.REPORT_TASKS, e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000));
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
