package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.gateway.GatewayTestBase;
import dev.storemon.messages.Topics;
import dev.storemon.testing.Dataset;
import dev.storemon.testing.TestKafka;
import dev.storemon.uptime.Interpolation;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 with access control on, through real HTTP, a real report worker, Postgres and Kafka: keys, the owner
 * scope of reports (computed by the worker from the pinned version's owners), 401/403/404/429 as Problem Details.
 */
class AccessControlTest extends GatewayTestBase {

    private static final String ADMIN_KEY = "test-admin-key-0123456789";
    private static final Instant AS_OF = Instant.parse("2023-03-14T15:37:12.345678Z");
    private static final Dataset DATA = new Dataset(42, 40, AS_OF);
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final Workers WORKERS = new Workers();

    @DynamicPropertySource
    static void securityOn(DynamicPropertyRegistry registry) {
        registry.add("storemon.security.enabled", () -> "true");
        registry.add("storemon.security.admin-key", () -> ADMIN_KEY);
        // The per-key limit (60 a minute) is under test here, not the running-report limit (32 at once, issue 11),
        // which 60 quick triggers would reach first.
        registry.add("storemon.gateway.max-running-reports", () -> "1000");
    }

    @BeforeAll
    static void startWorker() {
        WORKERS.start("access-w1");
    }

    @AfterAll
    static void stopWorker() {
        WORKERS.close();
    }

    /** Stores 0, 3, 6... belong to alice, 1, 4, 7... to bob, the others to nobody; version 2's owners are a decoy. */
    @BeforeEach
    void dataWithOwners() {
        truncateAll();
        DATA.load(jdbc);
        jdbc.sql("update data_versions set owner_version = 1 where version = ?")
                .param(Dataset.VERSION)
                .update();
        for (int i = 0; i < DATA.stores.size(); i++) {
            String owner = i % 3 == 0 ? "alice" : i % 3 == 1 ? "bob" : null;
            int key = jdbc.sql("select store_key from stores where store_id = ?")
                    .param(DATA.stores.get(i).id())
                    .query(Integer.class)
                    .single();
            if (owner != null) {
                jdbc.sql("insert into store_owners (owner_version, store_key, owner_id) values (1, ?, ?)")
                        .params(key, owner)
                        .update();
            }
            // a later owners version that gives every store to alice: a report pinned to version 1 must ignore it
            jdbc.sql("insert into store_owners (owner_version, store_key, owner_id) values (2, ?, 'alice')")
                    .param(key)
                    .update();
        }
    }

    @Test
    void noKeyOrABadKeyIs401WithWwwAuthenticateAsProblemDetails() {
        for (HttpResponse<String> response : List.of(
                post("/trigger_report", null),
                get("/api/get_report?report_id=" + UUID.randomUUID()),
                get("/api/ingest/status"),
                get("/api/keys"),
                get("/trigger_report", "Authorization", "Bearer not-a-key"),
                get("/trigger_report", "Authorization", "Basic YWRtaW46YWRtaW4="))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertProblem(response, 401);
        }
        assertThat(jdbc.sql("select count(*) from reports").query(Integer.class).single())
                .isZero();
        // open: the API description, which declares the bearer scheme for Swagger UI's "Authorize"
        HttpResponse<String> apiDocs = get("/v3/api-docs");
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        JsonNode openApi = PLAIN.readTree(apiDocs.body());
        assertThat(openApi.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        assertThat(openApi.at("/security/0").has("bearer")).isTrue();
        assertThat(openApi.at(
                                "/paths/~1trigger_report/post/responses/401/content/application~1problem+json/schema/$ref")
                        .asString())
                .isEqualTo("#/components/schemas/ProblemDetail");
        assertThat(openApi.at("/paths/~1trigger_report/post/responses").has("429"))
                .isTrue();
        assertThat(openApi.at("/paths/~1api~1keys/get/responses").has("403")).isTrue();
    }

    @Test
    void anOwnersReportHoldsExactlyItsStoresWithTheFullReportsFigures() {
        String alice = createKey("alice").get("key").asString();
        String aliceKeyId = keyIdOf(alice);

        String id = trigger(alice, null);
        String csv = awaitCsv(id, alice);
        String full = awaitCsv(trigger(bearer(ADMIN_KEY), null), bearer(ADMIN_KEY));

        Set<String> aliceStores = storesOf(0);
        List<String> expected = full.lines()
                .skip(1)
                .filter(l -> aliceStores.contains(l.split(",")[0]))
                .toList();
        assertThat(csv.lines().skip(1).toList()).isEqualTo(expected).isNotEmpty();
        assertThat(csv.lines().findFirst()).isEqualTo(full.lines().findFirst());
        // the full report is the engine's, so the owner's rows are the engine's too
        assertThat(full).isEqualTo(DATA.expectedCsv(DATA.latestPoll, Interpolation.NEAREST));
        assertThat(jdbc.sql("select key_id || ' ' || owner_id from reports where id = ?")
                        .param(UUID.fromString(id))
                        .query(String.class)
                        .single())
                .isEqualTo(aliceKeyId + " alice");

        Map<String, Object> event = await().atMost(Duration.ofSeconds(30))
                .until(() -> completedEvents(id), events -> events.size() == 1)
                .get(0);
        assertThat(event)
                .containsEntry("schema", 2)
                .containsEntry("owner_id", "alice")
                .containsEntry("store_count", expected.size());
    }

    @Test
    void theAdminReportsOnAllStoresOrOneOwnersAndAnOwnerOnlyOnItsOwn() {
        String bobByAdmin = awaitCsv(trigger(bearer(ADMIN_KEY), "bob"), bearer(ADMIN_KEY));
        Set<String> bobStores = storesOf(1);
        assertThat(bobByAdmin.lines().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet()))
                .isEqualTo(bobStores.stream()
                        .filter(s -> DATA.expectedCsv(DATA.latestPoll, Interpolation.NEAREST)
                                .contains("\n" + s + ","))
                        .collect(Collectors.toSet()));

        String alice = createKey("alice").get("key").asString();
        HttpResponse<String> other = post("/trigger_report", "{\"owner_id\": \"bob\"}", bearer(alice));
        assertThat(other.statusCode()).isEqualTo(403);
        assertProblem(other, 403);
        HttpResponse<String> badOwner = post("/trigger_report?owner_id=no%20spaces", null, bearer(ADMIN_KEY));
        assertThat(badOwner.statusCode()).isEqualTo(400);
    }

    @Test
    void anotherOwnersReportIsA404ExactlyAsAnUnknownId() {
        String alice = createKey("alice").get("key").asString();
        String bob = createKey("bob").get("key").asString();
        String id = trigger(alice, null);
        awaitCsv(id, alice);
        String unknown = UUID.randomUUID().toString();

        HttpResponse<String> othersReport = get("/get_report?report_id=" + id, bearer(bob));
        HttpResponse<String> unknownReport = get("/get_report?report_id=" + unknown, bearer(bob));

        assertThat(othersReport.statusCode()).isEqualTo(404).isEqualTo(unknownReport.statusCode());
        assertThat(othersReport.headers().firstValue("Content-Type"))
                .isEqualTo(unknownReport.headers().firstValue("Content-Type"));
        assertThat(othersReport.body().replace(id, "ID"))
                .isEqualTo(unknownReport.body().replace(unknown, "ID"));
        // the same through POST and under /api; the admin sees it
        assertThat(post("/api/get_report", "{\"report_id\": \"" + id + "\"}", bearer(bob))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/get_report?report_id=" + id, bearer(ADMIN_KEY)).statusCode())
                .isEqualTo(200);
        // an admin's report is the admin's, even when it covers alice's stores
        String adminsAlice = trigger(bearer(ADMIN_KEY), "alice");
        awaitCsv(adminsAlice, bearer(ADMIN_KEY));
        assertThat(get("/get_report?report_id=" + adminsAlice, bearer(alice)).statusCode())
                .isEqualTo(404);
    }

    @Test
    void thePagesEndpointsShowAnOwnerOnlyItsOwnReportsAndStores() {
        String alice = createKey("alice").get("key").asString();
        String bob = createKey("bob").get("key").asString();
        String alicesReport = trigger(alice, null);
        String alicesCsv = awaitCsv(alicesReport, alice);
        String adminsReport = trigger(bearer(ADMIN_KEY), null);
        String fullCsv = awaitCsv(adminsReport, bearer(ADMIN_KEY));

        assertThat(recentIds(bearer(alice))).containsExactly(alicesReport);
        assertThat(recentIds(bearer(bob))).isEmpty();
        assertThat(recentIds(bearer(ADMIN_KEY))).containsExactlyInAnyOrder(alicesReport, adminsReport);
        assertThat(get("/api/reports").statusCode()).isEqualTo(401);

        String alicesStore = alicesCsv.lines().skip(1).findFirst().orElseThrow().split(",")[0];
        Set<String> bobs = storesOf(1);
        String bobsStore = fullCsv.lines()
                .skip(1)
                .map(line -> line.split(",")[0])
                .filter(bobs::contains)
                .findFirst()
                .orElseThrow();
        String timeline = "/api/reports/%s/stores/%s/timeline";
        assertThat(get(timeline.formatted(alicesReport, alicesStore), bearer(alice))
                        .statusCode())
                .isEqualTo(200);
        // another owner's report: the unknown-report answer; a store outside the owner's report: not in it
        HttpResponse<String> others = get(timeline.formatted(alicesReport, alicesStore), bearer(bob));
        String unknownId = UUID.randomUUID().toString();
        HttpResponse<String> unknown = get(timeline.formatted(unknownId, alicesStore), bearer(bob));
        assertThat(others.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
        assertThat(others.body().replace(alicesReport, "ID"))
                .isEqualTo(unknown.body().replace(unknownId, "ID"));
        assertThat(get(timeline.formatted(alicesReport, bobsStore), bearer(alice))
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(timeline.formatted(adminsReport, bobsStore), bearer(ADMIN_KEY))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void healthAndPrometheusStayOpenHealthDetailsOnlyForTheAdmin() {
        String alice = createKey("alice").get("key").asString();
        for (String path : List.of(
                "/actuator/health",
                "/actuator/health/liveness",
                "/actuator/health/readiness",
                "/actuator/prometheus")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(PLAIN.readTree(get("/actuator/health").body()).has("components"))
                .isFalse();
        assertThat(PLAIN.readTree(get("/actuator/health", bearer(alice)).body()).has("components"))
                .isFalse();
        JsonNode admin =
                PLAIN.readTree(get("/actuator/health", bearer(ADMIN_KEY)).body());
        assertThat(admin.path("components").path("db").path("details").has("database"))
                .isTrue();
        assertThat(get("/actuator/prometheus").body()).contains("storemon_reports_running");
    }

    @Test
    void adminRoutesAre403ForAnOwnerAndOpenToTheAdmin() {
        String alice = createKey("alice").get("key").asString();

        for (HttpResponse<String> response : List.of(
                post("/api/ingest", null, bearer(alice)),
                get("/api/ingest/status", bearer(alice)),
                get("/api/keys", bearer(alice)),
                post("/api/keys", "{\"owner_id\": \"alice\"}", bearer(alice)))) {
            assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
            assertProblem(response, 403);
        }
        assertThat(post("/api/ingest", null, bearer(ADMIN_KEY)).statusCode()).isEqualTo(202);
        assertThat(get("/api/ingest/status", bearer(ADMIN_KEY)).statusCode()).isEqualTo(200);
    }

    @Test
    void keysAreShownOnceListedWithoutTheKeyAndRevokedAtOnce() {
        JsonNode created = createKey("alice");
        String key = created.get("key").asString();
        String keyId = created.get("key_id").asString();
        assertThat(key).hasSizeGreaterThanOrEqualTo(43); // 32 random bytes, base64url
        assertThat(created.get("owner_id").asString()).isEqualTo("alice");
        assertThat(jdbc.sql("select count(*) from api_keys where key_sha256 = sha256(convert_to(?, 'UTF8'))")
                        .param(key)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        HttpResponse<String> list = get("/api/keys", bearer(ADMIN_KEY));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(keyId).contains("alice").doesNotContain(key);

        assertThat(post("/trigger_report", null, bearer(key)).statusCode()).isEqualTo(200);
        HttpResponse<String> revoke = delete("/api/keys/" + keyId, bearer(ADMIN_KEY));
        assertThat(revoke.statusCode()).isEqualTo(204);

        HttpResponse<String> after = post("/trigger_report", null, bearer(key));
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(delete("/api/keys/" + keyId, bearer(ADMIN_KEY)).statusCode()).isEqualTo(404);
        assertThat(post("/api/keys", "{\"owner_id\": \"bad owner\"}", bearer(ADMIN_KEY))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theSixtyFirstTriggerInAMinuteIs429WithRetryAfter() {
        // carol owns no store: her reports are cheap, and the limit counts calls, whatever they cover
        String carol = createKey("carol").get("key").asString();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            HttpResponse<String> response = post("/trigger_report", null, bearer(carol));
            assertThat(response.statusCode()).as("trigger %d", i).isEqualTo(200);
            ids.add(PLAIN.readTree(response.body()).get("report_id").asString());
        }
        HttpResponse<String> sixtyFirst = post("/trigger_report", null, bearer(carol));

        assertThat(sixtyFirst.statusCode()).isEqualTo(429);
        assertProblem(sixtyFirst, 429);
        assertThat(sixtyFirst.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        // per key: another key is not limited
        assertThat(post("/trigger_report", null, bearer(ADMIN_KEY)).statusCode())
                .isEqualTo(200);
        // every accepted report completes (empty: carol has no store)
        await().atMost(Duration.ofSeconds(120))
                .until(() -> jdbc.sql("select count(*) from reports where status = 'RUNNING'")
                                .query(Integer.class)
                                .single()
                        == 0);
        assertThat(awaitCsv(ids.get(59), bearer(carol)).lines()).hasSize(1);
    }

    private List<String> recentIds(String[] auth) {
        HttpResponse<String> response = get("/api/reports?limit=100", auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        PLAIN.readTree(response.body())
                .path("reports")
                .forEach(r -> ids.add(r.path("report_id").asString()));
        return ids;
    }

    private Set<String> storesOf(int remainder) {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = remainder; i < DATA.stores.size(); i += 3) {
            ids.add(DATA.stores.get(i).id());
        }
        return ids;
    }

    private JsonNode createKey(String owner) {
        HttpResponse<String> response = post("/api/keys", "{\"owner_id\": \"" + owner + "\"}", bearer(ADMIN_KEY));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return PLAIN.readTree(response.body());
    }

    private String keyIdOf(String key) {
        return jdbc.sql("select key_id from api_keys where key_sha256 = sha256(convert_to(?, 'UTF8'))")
                .param(key)
                .query(String.class)
                .single();
    }

    private String trigger(String[] auth, String ownerId) {
        HttpResponse<String> response =
                post("/api/trigger_report", ownerId == null ? null : "{\"owner_id\": \"" + ownerId + "\"}", auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PLAIN.readTree(response.body()).get("report_id").asString();
    }

    private String trigger(String key, String ownerId) {
        return trigger(bearer(key), ownerId);
    }

    private String awaitCsv(String id, String key) {
        return awaitCsv(id, bearer(key));
    }

    private String awaitCsv(String id, String[] auth) {
        HttpResponse<String> done = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get("/get_report?report_id=" + id, auth), r -> r.statusCode() != 202);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return done.body();
    }

    private static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    /** The shape ApiExceptionHandler gives every problem: the type of the status, its title, the path. */
    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = PLAIN.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        String slug =
                switch (status) {
                    case 401 -> "unauthorized";
                    case 403 -> "forbidden";
                    case 429 -> "too-many-requests";
                    default -> throw new IllegalArgumentException("no access problem has status " + status);
                };
        assertThat(problem.get("type").asString()).isEqualTo("https://storemon.dev/problems/" + slug);
        assertThat(problem.get("instance").asString()).isEqualTo(response.uri().getPath());
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private static List<Map<String, Object>> completedEvents(String id) {
        return TestKafka.readAll(Topics.REPORT_COMPLETED).stream()
                .map(ConsumerRecord::value)
                .map(v -> PLAIN.readValue(v, new TypeReference<Map<String, Object>>() {}))
                .filter(m -> id.equals(m.get("report_id")))
                .toList();
    }
}
