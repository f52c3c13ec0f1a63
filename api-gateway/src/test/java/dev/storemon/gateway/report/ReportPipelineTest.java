package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.gateway.GatewayTestBase;
import dev.storemon.messages.ReportShardRequested;
import dev.storemon.messages.Topics;
import dev.storemon.testing.Dataset;
import dev.storemon.testing.TestKafka;
import dev.storemon.uptime.Interpolation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole flow on a real Postgres and a real broker: the gateway of this test context, and report workers started
 * next to it. Every CSV is compared with the engine run directly on the same generated data.
 */
class ReportPipelineTest extends GatewayTestBase {

    private static final Instant AS_OF = Instant.parse("2023-03-14T15:37:12.345678Z"); // 2 days after US DST start
    private static final Dataset DATA = new Dataset(42, 40, AS_OF);
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final Workers WORKERS = new Workers();
    private static boolean loaded;

    @Autowired
    ReportStarter starter;

    @BeforeAll
    static void startOneWorker() {
        WORKERS.start("w1");
    }

    @AfterAll
    static void stopWorkers() {
        WORKERS.close();
    }

    @BeforeEach
    void loadOnce() {
        if (!loaded
                || jdbc.sql("select count(*) from stores").query(Integer.class).single() != DATA.stores.size()) {
            truncateAll();
            DATA.load(jdbc);
            loaded = true;
        }
    }

    @Test
    void defaultReportEqualsTheEngineRunDirectlyAndIsAnnouncedToAnIndependentConsumer() throws Exception {
        HttpResponse<String> trigger = post("/trigger_report", null);
        assertThat(trigger.statusCode()).isEqualTo(200);
        String id = PLAIN.readTree(trigger.body()).get("report_id").asString();

        String csv = awaitCsv(id);

        // Default: as_of is the pinned version's latest poll, nearest interpolation.
        assertThat(csv).isEqualTo(DATA.expectedCsv(DATA.latestPoll, Interpolation.NEAREST));
        Map<String, Object> event = await().atMost(Duration.ofSeconds(30))
                .until(() -> completedEvents(id), events -> events.size() == 1)
                .get(0);
        assertThat(event)
                .containsEntry("schema", 2)
                .containsEntry("owner_id", null) // a report of all stores
                .containsEntry("report_id", id)
                .containsEntry("as_of", DATA.latestPoll.toString())
                .containsEntry("data_version", (int) Dataset.VERSION)
                .containsEntry("interpolation", "nearest")
                .containsEntry("store_count", (int) csv.lines().count() - 1)
                .containsEntry("csv_sha256", ReportCompleter.sha256(csv))
                .containsEntry("download", "/get_report?report_id=" + id)
                .containsKey("completed_at");
    }

    @Test
    void previousInterpolationAtAnExplicitAsOfEqualsTheEngineRunDirectly() {
        HttpResponse<String> trigger =
                post("/api/trigger_report", "{\"as_of\": \"" + AS_OF + "\", \"interpolation\": \"previous\"}");
        assertThat(trigger.statusCode()).isEqualTo(200);
        String id = PLAIN.readTree(trigger.body()).get("report_id").asString();

        String csv = awaitCsv(id);

        String expected = DATA.expectedCsv(AS_OF, Interpolation.PREVIOUS);
        assertThat(csv).isEqualTo(expected);
        assertThat(expected).isNotEqualTo(DATA.expectedCsv(AS_OF, Interpolation.NEAREST));
        // Header + every store but store 6, which has no poll (store 5, whose polls are all older than the week,
        // counts).
        assertThat(expected.lines()).hasSize(DATA.stores.size());
    }

    @Test
    void theCsvIsTheSameWithAnyShardCountAndAnyNumberOfWorkers() {
        String expected = DATA.expectedCsv(AS_OF, Interpolation.NEAREST);
        for (int shards : new int[] {1, 7, 16}) {
            assertThat(awaitCsv(
                            starter.start(AS_OF, Interpolation.NEAREST, shards).toString()))
                    .as("%d shards, 1 worker", shards)
                    .isEqualTo(expected);
        }
        try (Workers more = new Workers().start("w2").start("w3")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Workers.allAssigned(16, WORKERS, more));
            for (int shards : new int[] {7, 16}) {
                UUID id = starter.start(AS_OF, Interpolation.NEAREST, shards);
                assertThat(awaitCsv(id.toString()))
                        .as("%d shards, 3 workers", shards)
                        .isEqualTo(expected);
                if (shards == 16) {
                    assertThat(jdbc.sql("select distinct worker from report_shards where report_id = ?")
                                    .param(id)
                                    .query(String.class)
                                    .list())
                            .hasSizeGreaterThan(1);
                }
            }
        }
    }

    @Test
    void aShardDeliveredAgainAfterCompletionChangesNothingAndIsNotAnnouncedTwice() {
        UUID id = starter.start(AS_OF, Interpolation.NEAREST, 4);
        String csv = awaitCsv(id.toString());

        TestKafka.send(Topics.REPORT_TASKS, 0, id + ":2", taskJson(id, 2, 4));

        await().atMost(Duration.ofSeconds(30)).until(() -> shardAnnouncements(id, 2) == 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.groupCaughtUp("storemon-gateway", Topics.REPORT_SHARD_COMPLETED));
        assertThat(completedEvents(id.toString())).hasSize(1);
        assertThat(rowCount(id)).isEqualTo(csv.lines().count() - 1);
        assertThat(get("/get_report?report_id=" + id).body()).isEqualTo(csv);
        // The report holds the lines; its shards' fragments were cleared when it completed.
        assertThat(jdbc.sql("select count(*) from report_shards where report_id = ? and csv is not null")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void shardsDeliveredTwiceAtOnceToDifferentWorkersYieldOneCopyAndOneCompletion() {
        try (Workers more = new Workers().start("w4").start("w5")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Workers.allAssigned(16, WORKERS, more));
            UUID id = starter.start(AS_OF, Interpolation.NEAREST, 7);
            for (int shard = 0; shard < 7; shard++) {
                TestKafka.send(Topics.REPORT_TASKS, (shard + 8) % 16, id + ":" + shard, taskJson(id, shard, 7));
            }
            String csv = awaitCsv(id.toString());

            assertThat(csv).isEqualTo(DATA.expectedCsv(AS_OF, Interpolation.NEAREST));
            await().atMost(Duration.ofSeconds(30)).until(() -> shardAnnouncements(id, -1) == 14);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestKafka.groupCaughtUp("storemon-gateway", Topics.REPORT_SHARD_COMPLETED));
            assertThat(completedEvents(id.toString())).hasSize(1);
            assertThat(rowCount(id)).isEqualTo(csv.lines().count() - 1);
            assertThat(jdbc.sql("select count(*) from report_shards where report_id = ?")
                            .param(id)
                            .query(Integer.class)
                            .single())
                    .isEqualTo(7);
        }
    }

    @Test
    void aPoisonedShardEndsInTheDeadLetterTopicAndFailsItsReport() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count)
                        values (?, 'RUNNING', now(), ?, ?, 'nearest', 1)
                        """)
                .params(id, AS_OF.atOffset(java.time.ZoneOffset.UTC), Dataset.VERSION)
                .update();
        // The task names a data version that does not exist: the worker fails on it every time.
        String poison =
                PLAIN.writeValueAsString(new ReportShardRequested(id.toString(), 0, 1, AS_OF, 424242, "nearest"));
        TestKafka.send(Topics.REPORT_TASKS, 3, id + ":0", poison);

        HttpResponse<String> failed = await().atMost(Duration.ofSeconds(60))
                .until(() -> get("/get_report?report_id=" + id), r -> r.body().contains("Failed"));

        assertThat(failed.statusCode()).isEqualTo(200);
        Map<String, Object> body = PLAIN.readValue(failed.body(), new TypeReference<>() {});
        assertThat(body).containsEntry("status", "Failed").containsEntry("report_id", id.toString());
        assertThat((String) body.get("error")).isEqualTo("shard 0 failed: data version 424242 does not exist");
        assertThat(TestKafka.readAll(Topics.REPORT_TASKS_DEAD_LETTER))
                .anyMatch(r -> r.value().equals(poison));
        assertThat(rowCount(id)).isZero();
    }

    private String awaitCsv(String id) {
        HttpResponse<String> done = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get("/get_report?report_id=" + id), r -> r.statusCode() != 202);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.headers().firstValue("X-Report-Status")).hasValue("Complete");
        return done.body();
    }

    private static String taskJson(UUID id, int shard, int shardCount) {
        return PLAIN.writeValueAsString(
                new ReportShardRequested(id.toString(), shard, shardCount, AS_OF, Dataset.VERSION, "nearest"));
    }

    /** Stores counted by the report's done-marks (a shard stored twice would count twice). */
    private long rowCount(UUID id) {
        return jdbc.sql("select coalesce(sum(store_count), 0) from report_shards where report_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    /** ReportShardCompleted messages for the report (and shard, unless -1). */
    private static long shardAnnouncements(UUID id, int shard) {
        return TestKafka.readAll(Topics.REPORT_SHARD_COMPLETED).stream()
                .map(r -> PLAIN.readValue(r.value(), new TypeReference<Map<String, Object>>() {}))
                .filter(m -> m.get("report_id").equals(id.toString()))
                .filter(m -> shard == -1 || m.get("shard").equals(shard))
                .count();
    }

    /** report-completed events of the report, as an independent consumer (plain kafka-clients + JSON) sees them. */
    private static List<Map<String, Object>> completedEvents(String id) {
        return TestKafka.readAll(Topics.REPORT_COMPLETED).stream()
                .map(ConsumerRecord::value)
                .map(v -> PLAIN.readValue(v, new TypeReference<Map<String, Object>>() {}))
                .filter(m -> id.equals(m.get("report_id")))
                .toList();
    }
}
