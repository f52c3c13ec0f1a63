package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.gateway.GatewayTestBase;
import dev.storemon.messages.Topics;
import dev.storemon.outbox.Outbox;
import dev.storemon.testing.TestKafka;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's defences of issue 11, over HTTP on the real database: the running-report limit (429), the body limit
 * (413), the as_of range (400) and the default as_of clamped to now, retention, a sweeper that one stuck report cannot
 * stop, and report-completed published from the outbox with its event id.
 */
class FaultLimitsTest extends GatewayTestBase {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final Instant FIRST_POLL = Instant.parse("2023-01-18T09:00:00Z");
    private static final Instant LATEST_POLL = Instant.parse("2023-01-25T18:00:00Z");

    @Autowired
    DataSource dataSource;

    @Autowired
    RunningReportLimit limit;

    @BeforeEach
    void oneDataVersionWithTwoPolls() {
        truncateAll();
        insertDataVersion(5, 5, LATEST_POLL);
        int store = jdbc.sql("insert into stores (store_id, bucket) values ('s-1', 0) returning store_key")
                .query(Integer.class)
                .single();
        for (Instant ts : List.of(FIRST_POLL, LATEST_POLL)) {
            jdbc.sql("insert into polls (store_key, ts, active, version) values (?, ?, true, 5)")
                    .params(store, ts.atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    @Test
    void aTriggerBeyondTheRunningLimitAnswers429WithRetryAfter() {
        for (int i = 0; i < 32; i++) {
            insertReport("RUNNING", Instant.now(), 16);
        }

        HttpResponse<String> refused = post("/api/trigger_report", "{\"as_of\": \"" + LATEST_POLL + "\"}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = PLAIN.readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://storemon.dev/problems/too-many-reports");
        assertThat(problem.get("detail").asString())
                .isEqualTo("32 reports are running, the limit is 32 (storemon.gateway.max-running-reports); try again"
                        + " later");
        assertThat(count("select count(*) from reports")).isEqualTo(32);

        // One finishes: there is room for exactly one more (the remembered count refuses for at most a second).
        jdbc.sql("update reports set status = 'COMPLETE' where id = (select id from reports limit 1)")
                .update();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> post("/api/trigger_report", "{\"as_of\": \"" + LATEST_POLL + "\"}")
                                .statusCode()
                        == 200);
        assertThat(post("/api/trigger_report", "{\"as_of\": \"" + LATEST_POLL + "\"}")
                        .statusCode())
                .isEqualTo(429);
        assertThat(count("select count(*) from reports where status = 'RUNNING'"))
                .isEqualTo(32);

        // Leave no remembered count at the limit to the tests that follow on this shared context.
        jdbc.sql("update reports set status = 'COMPLETE'").update();
        limit.refresh();
    }

    @Test
    void aBodyOverSixteenKibibytesAnswers413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String big = "{\"as_of\": \"" + "x".repeat(16 * 1024) + "\"}";

        HttpResponse<String> declared = post("/api/trigger_report", big);
        assertThat(declared.statusCode()).isEqualTo(413);
        JsonNode problem = PLAIN.readTree(declared.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://storemon.dev/problems/request-too-large");
        assertThat(problem.get("detail").asString())
                .isEqualTo("the request body is limited to 16384 bytes, was " + big.length() + " bytes");

        // No Content-Length (chunked): read up to the limit, then refused all the same.
        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/trigger_report"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(PLAIN.readTree(chunked.body()).get("detail").asString())
                .isEqualTo("the request body is limited to 16384 bytes, was more than 16384 bytes");
        assertThat(count("select count(*) from reports")).isZero();

        // A small chunked body is passed on whole: the usual validation answers, not the limit.
        HttpResponse<String> small = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/trigger_report"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                        "{\"interpolation\": \"sideways\"}".getBytes(StandardCharsets.UTF_8))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).isEqualTo(400);
        assertThat(small.body()).contains("sideways");
    }

    @Test
    void anAsOfMoreThanAWeekOutsideTheLoadedPollsIs400NamingTheRange() {
        Instant earliest = FIRST_POLL.minus(Duration.ofDays(7));
        Instant latest = LATEST_POLL.plus(Duration.ofDays(7));

        for (Instant outside :
                List.of(earliest.minusSeconds(1), latest.plusSeconds(1), Instant.parse("2031-01-01T00:00:00Z"))) {
            HttpResponse<String> refused = post("/api/trigger_report", "{\"as_of\": \"" + outside + "\"}");
            assertThat(refused.statusCode()).as(outside.toString()).isEqualTo(400);
            JsonNode problem = PLAIN.readTree(refused.body());
            assertThat(problem.get("type").asString()).isEqualTo("https://storemon.dev/problems/as-of-out-of-range");
            assertThat(problem.get("detail").asString())
                    .isEqualTo("as_of " + outside + " is outside the loaded data"
                            + " of data version 5: polls from " + FIRST_POLL + " to " + LATEST_POLL
                            + ", so as_of must be from "
                            + earliest + " to " + latest + " (a week either side)");
            assertThat(problem.get("earliest_as_of").asString()).isEqualTo(earliest.toString());
            assertThat(problem.get("latest_as_of").asString()).isEqualTo(latest.toString());
        }
        assertThat(count("select count(*) from reports")).isZero();

        // Both ends are inside.
        assertThat(post("/api/trigger_report", "{\"as_of\": \"" + earliest + "\"}")
                        .statusCode())
                .isEqualTo(200);
        assertThat(post("/api/trigger_report", "{\"as_of\": \"" + latest + "\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theDefaultAsOfIsNeverInTheFuture() {
        Instant future = Instant.now().plus(Duration.ofDays(3650)).truncatedTo(ChronoUnit.SECONDS);
        insertDataVersion(6, 6, future);

        Instant before = Instant.now();
        HttpResponse<String> accepted = post("/api/trigger_report", null);
        Instant after = Instant.now();

        assertThat(accepted.statusCode()).isEqualTo(200);
        UUID id =
                UUID.fromString(PLAIN.readTree(accepted.body()).get("report_id").asString());
        Instant asOf = jdbc.sql("select as_of from reports where id = ?")
                .param(id)
                .query(java.time.OffsetDateTime.class)
                .single()
                .toInstant();
        assertThat(asOf).isBetween(before.truncatedTo(ChronoUnit.MICROS), after);
    }

    @Test
    void reportsOlderThanTheRetentionAreDeletedWithTheirRows() {
        UUID old =
                insertReport("COMPLETE", Instant.now().minus(Duration.ofDays(7)).minusSeconds(60), 1);
        insertStoredShard(old);
        UUID recent = insertReport("COMPLETE", Instant.now().minus(Duration.ofDays(6)), 1);
        insertStoredShard(recent);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("select count(*) from reports where id = '" + old + "'") == 0);

        assertThat(count("select count(*) from report_shards where report_id = '" + old + "'"))
                .isZero();
        assertThat(count("select count(*) from reports where id = '" + recent + "'"))
                .isOne();
        assertThat(count("select count(*) from report_shards where report_id = '" + recent + "'"))
                .isOne();
        assertThat(get("/get_report?report_id=" + old).statusCode()).isEqualTo(404);
    }

    @Test
    void aReportWhoseAssemblyKeepsFailingDoesNotStopTheSweeper() throws Exception {
        UUID stuck = insertReport("RUNNING", Instant.now(), 1);
        insertStoredShard(stuck);
        UUID completable = insertReport("RUNNING", Instant.now(), 1);
        insertStoredShard(completable);
        UUID stale = insertReport("RUNNING", Instant.now().minus(Duration.ofMinutes(4)), 16);

        // Another session holds the stuck report's row: every assembly of it ends with the gateway's lock timeout.
        try (Connection holder = dataSource.getConnection();
                Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.execute("select 1 from reports where id = '" + stuck + "' for update");

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> status(completable).equals("COMPLETE")
                            && status(stale).equals("FAILED"));
            assertThat(status(stuck)).isEqualTo("RUNNING");
            holder.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(stuck).equals("COMPLETE"));

        // report-completed came through the outbox: an event_id field, the same id in the header, nothing left over.
        ConsumerRecord<String, String> event = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestKafka.readAll(Topics.REPORT_COMPLETED).stream()
                                .filter(r -> completable.toString().equals(r.key()))
                                .toList(),
                        events -> events.size() == 1)
                .get(0);
        String eventId = PLAIN.readTree(event.value()).get("event_id").asString();
        assertThat(UUID.fromString(eventId)).isNotNull();
        assertThat(event.value()).startsWith("{\"event_id\":\"" + eventId + "\",");
        assertThat(new String(event.headers().lastHeader(Outbox.EVENT_ID_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from outbox") == 0);
    }

    private UUID insertReport(String status, Instant requestedAt, int shards) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count)
                        values (?, ?, ?, ?, 5, 'nearest', ?)
                        """)
                .params(id, status, requestedAt.atOffset(ZoneOffset.UTC), LATEST_POLL.atOffset(ZoneOffset.UTC), shards)
                .update();
        return id;
    }

    private void insertStoredShard(UUID id) {
        jdbc.sql("""
                        insert into report_shards (report_id, shard, store_count, completed_at, csv)
                        values (?, 0, 1, now(), 's-1,60.00,24.00,168.00,0.00,0.00,0.00' || E'\\n')
                        """).param(id).update();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from reports where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
