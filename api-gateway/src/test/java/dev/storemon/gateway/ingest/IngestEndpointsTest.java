package dev.storemon.gateway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.gateway.GatewayTestBase;
import dev.storemon.messages.Topics;
import dev.storemon.testing.TestKafka;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's ingest endpoints: a reload request goes to Kafka; the status comes from ingest_runs. */
class IngestEndpointsTest extends GatewayTestBase {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @BeforeEach
    void empty() {
        truncateAll();
    }

    @Test
    void anIngestRequestIsPublishedForTheIngestWorker() {
        HttpResponse<String> response = post("/api/ingest", null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> body = PLAIN.readValue(response.body(), new TypeReference<>() {});
        assertThat(body).containsEntry("status", "Requested");
        String requestId = (String) body.get("request_id");
        Map<String, Object> message = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestKafka.readAll(Topics.INGEST_REQUESTS).stream()
                                .map(r -> PLAIN.readValue(r.value(), new TypeReference<Map<String, Object>>() {}))
                                .filter(m -> requestId.equals(m.get("request_id")))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .get();
        assertThat(message).containsKey("requested_at");
    }

    @Test
    void theStatusBeforeAnyRunIsIdleWithNoLastRun() {
        JsonNode status = PLAIN.readTree(get("/api/ingest/status").body());

        assertThat(status.get("status").asString()).isEqualTo("IDLE");
        assertThat(status.get("last_run").isNull()).isTrue();
    }

    @Test
    void theStatusShowsARunningLoadAndTheLatestFinishedRunWithItsFilesAsStored() {
        String files = """
                [{"name": "store_status.csv", "rows_read": 3, "rows_loaded": 2, "rows_rejected": 1,
                  "rejections": [{"line": 3, "reason": "bad timestamp 'x'"}], "bytes": 120}]""";
        jdbc.sql("""
                insert into ingest_runs (trigger, status, started_at, finished_at, error)
                values ('startup', 'FAILED', '2024-01-01T00:00:00Z', '2024-01-01T00:00:05Z', 'older')""").update();
        long succeeded = jdbc.sql("""
                        insert into ingest_runs (trigger, status, started_at, finished_at, data_version, files)
                        values ('schedule', 'SUCCEEDED', '2024-01-01T01:00:00Z', '2024-01-01T01:00:02.5Z', 7,
                                cast(? as jsonb)) returning id""").param(files).query(Long.class).single();
        jdbc.sql("insert into ingest_runs (trigger, status, started_at) values ('request', 'RUNNING', now())")
                .update();

        HttpResponse<String> response = get("/api/ingest/status");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode status = PLAIN.readTree(response.body());
        assertThat(status.get("status").asString()).isEqualTo("RUNNING");
        JsonNode last = status.get("last_run");
        assertThat(last.get("id").asLong()).isEqualTo(succeeded);
        assertThat(last.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.get("started_at").asString()).isEqualTo("2024-01-01T01:00:00Z");
        assertThat(last.get("finished_at").asString()).isEqualTo("2024-01-01T01:00:02.500Z");
        assertThat(last.get("data_version").asLong()).isEqualTo(7);
        assertThat(last.get("files")).isEqualTo(PLAIN.readTree(files));
    }
}
