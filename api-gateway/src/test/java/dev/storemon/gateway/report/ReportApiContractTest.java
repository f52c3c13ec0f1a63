package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.gateway.GatewayTestBase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer of trigger_report and get_report, at both prefixes, by GET and POST. Report rows are written straight
 * into the database here, so no worker is needed: the whole flow is {@link ReportPipelineTest}'s subject.
 */
class ReportApiContractTest extends GatewayTestBase {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final Instant LATEST = Instant.parse("2023-01-25T18:13:22.479220Z");
    private static final String CSV = "store_id,uptime_last_hour,uptime_last_day,uptime_last_week,"
            + "downtime_last_hour,downtime_last_day,downtime_last_week\n1,60.00,20.50,100.25,0.00,3.50,67.75\n";

    @BeforeEach
    void oneDataVersion() {
        truncateAll();
        insertDataVersion(3, 3, LATEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/trigger_report", "/api/trigger_report"})
    void triggerAnswersARandomIdAndRecordsTheDefaults(String path) {
        for (HttpResponse<String> response : new HttpResponse[] {post(path, null), get(path)}) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertJson(response);
            Map<String, Object> body = json(response);
            assertThat(body).containsOnlyKeys("report_id", "status").containsEntry("status", "Running");
            UUID id = UUID.fromString((String) body.get("report_id"));
            assertThat(id.version()).isEqualTo(4); // random: 122 bits
            assertThat(jdbc.sql(
                                    "select as_of, data_version, interpolation, shard_count, status from reports where id = ?")
                            .param(id)
                            .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)
                                            .toInstant() + " " + rs.getLong(2) + " " + rs.getString(3) + " "
                                    + rs.getInt(4) + " " + rs.getString(5))
                            .single())
                    .isEqualTo(LATEST + " 3 nearest 16 RUNNING");
        }
    }

    @Test
    void triggerTakesAsOfAndInterpolationFromTheBodyOrTheQuery() {
        HttpResponse<String> fromBody = post(
                "/api/trigger_report",
                "{\"as_of\": \"2023-01-24T10:00:00.1234567Z\", \"interpolation\": \"PREVIOUS\"}");
        HttpResponse<String> fromQuery = get("/trigger_report?as_of=2023-01-20T00:00:00Z&interpolation=previous");

        assertThat(recorded(fromBody)).isEqualTo("2023-01-24T10:00:00.123456Z previous");
        assertThat(recorded(fromQuery)).isEqualTo("2023-01-20T00:00:00Z previous");
        // A body field wins over the query parameter of the same name, even over one that would be refused.
        assertThat(recorded(post(
                        "/trigger_report?as_of=2023-01-20T00:00:00Z&interpolation=sideways",
                        "{\"interpolation\": \"previous\"}")))
                .isEqualTo("2023-01-20T00:00:00Z previous");
    }

    @Test
    void triggerRejectsWhatItCannotRead() {
        assertBadRequest(post("/trigger_report", "{\"as_of\": \"yesterday\"}"), "as_of");
        assertBadRequest(get("/api/trigger_report?as_of=2023-13-01T00:00:00Z"), "as_of");
        assertBadRequest(post("/api/trigger_report", "{\"interpolation\": \"linear\"}"), "interpolation");
        assertBadRequest(get("/trigger_report?interpolation=linear"), "interpolation");
        assertProblem(
                post("/trigger_report?interpolation=sideways", null),
                400,
                "invalid-request",
                "interpolation must be 'nearest' or 'previous', was 'sideways'");
        assertProblem(
                post("/trigger_report", "{\"asof\": \"2023-01-20T00:00:00Z\"}"),
                400,
                "invalid-request",
                "unknown field 'asof' in the request body; allowed: [as_of, interpolation]");
        assertProblem(
                post("/trigger_report", "{\"interpolation\": [\"nearest\"]}"),
                400,
                "invalid-request",
                "field 'interpolation' must be a string, was [\"nearest\"]");
        assertBadRequest(post("/trigger_report", "{\"as_of\": "), "not valid JSON");
        assertBadRequest(post("/trigger_report", "[1, 2]"), "JSON object");
        assertBadRequest(post("/trigger_report", "{\"asof\": \"2023-01-20T00:00:00Z\"}"), "unknown field 'asof'");
        assertBadRequest(post("/trigger_report", "{\"as_of\": 12}"), "'as_of' must be a string");
        assertThat(jdbc.sql("select count(*) from reports").query(Integer.class).single())
                .isZero();
    }

    @Test
    void triggerBeforeAnyDataIsAConflict() {
        truncateAll();

        HttpResponse<String> response = post("/trigger_report", null);

        assertProblem(response, 409, "no-data", "no data loaded yet: run an ingest (POST /api/ingest) first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/get_report", "/api/get_report"})
    void aRunningReportAnswers202WithItsProgress(String path) {
        UUID id = insertReport("RUNNING", null, null);
        jdbc.sql("insert into report_shards (report_id, shard, store_count, completed_at) values (?, 2, 5, now())")
                .param(id)
                .update();

        for (HttpResponse<String> response : new HttpResponse[] {
            get(path + "?report_id=" + id),
            post(path, "{\"report_id\": \"" + id + "\"}"),
            post(path + "?report_id=" + id, null),
            get(path + "?report_id=" + id, "Accept", "text/csv")
        }) {
            assertThat(response.statusCode()).isEqualTo(202);
            assertJson(response);
            assertThat(json(response))
                    .isEqualTo(Map.of(
                            "report_id", id.toString(), "status", "Running", "shards_done", 1, "shards_total", 4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/get_report", "/api/get_report"})
    void aCompleteReportIsACsvDownload(String path) {
        UUID id = insertReport("COMPLETE", CSV, null);

        for (HttpResponse<String> response : new HttpResponse[] {
            get(path + "?report_id=" + id),
            post(path, "{\"report_id\": \"" + id + "\"}"),
            get(path + "?report_id=" + id, "Accept", "text/csv")
        }) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(response.headers().firstValue("X-Report-Status")).hasValue("Complete");
            assertThat(response.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename=\"report-" + id + ".csv\"");
            assertThat(response.body()).isEqualTo(CSV);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/get_report", "/api/get_report"})
    void aCompleteReportIsJsonWhenAskedFor(String path) {
        UUID id = insertReport("COMPLETE", CSV, null);

        for (HttpResponse<String> response : new HttpResponse[] {
            get(path + "?report_id=" + id, "Accept", "application/json"),
            post(path, "{\"report_id\": \"" + id + "\"}", "Accept", "application/json")
        }) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertJson(response);
            assertThat(json(response))
                    .isEqualTo(Map.of(
                            "report_id",
                            id.toString(),
                            "status",
                            "Complete",
                            "as_of",
                            LATEST.toString(),
                            "data_version",
                            3,
                            "interpolation",
                            "nearest",
                            "store_count",
                            1,
                            "csv",
                            CSV));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/get_report", "/api/get_report"})
    void formatChoosesTheFormAsAcceptWouldAndWinsOverIt(String path) {
        UUID id = insertReport("COMPLETE", CSV, null);
        Map<String, Object> complete = Map.of(
                "report_id",
                id.toString(),
                "status",
                "Complete",
                "as_of",
                LATEST.toString(),
                "data_version",
                3,
                "interpolation",
                "nearest",
                "store_count",
                1,
                "csv",
                CSV);

        for (HttpResponse<String> response : new HttpResponse[] {
            get(path + "?report_id=" + id + "&format=json"),
            get(path + "?report_id=" + id + "&format=json", "Accept", "text/csv"),
            post(path, "{\"report_id\": \"" + id + "\", \"format\": \"json\"}"),
            post(path + "?format=json", "{\"report_id\": \"" + id + "\"}"),
            post(path + "?format=csv", "{\"report_id\": \"" + id + "\", \"format\": \"json\"}")
        }) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertJson(response);
            assertThat(json(response)).isEqualTo(complete);
        }
        for (HttpResponse<String> response : new HttpResponse[] {
            get(path + "?report_id=" + id + "&format=csv", "Accept", "application/json"),
            post(path, "{\"report_id\": \"" + id + "\", \"format\": \"csv\"}", "Accept", "application/json")
        }) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
            assertThat(response.body()).isEqualTo(CSV);
        }
        assertProblem(
                get(path + "?report_id=" + id + "&format=xml"),
                400,
                "invalid-request",
                "format must be csv or json, was 'xml'");
        assertProblem(
                post(path, "{\"report_id\": \"" + id + "\", \"format\": \"JSON\"}"),
                400,
                "invalid-request",
                "format must be csv or json, was 'JSON'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/get_report", "/api/get_report"})
    void aFailedReportAnswers200WithTheReason(String path) {
        UUID id = insertReport("FAILED", null, "shard 3 failed: boom");

        for (HttpResponse<String> response :
                new HttpResponse[] {get(path + "?report_id=" + id), post(path, "{\"report_id\": \"" + id + "\"}")}) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertJson(response);
            assertThat(json(response))
                    .isEqualTo(Map.of("report_id", id.toString(), "status", "Failed", "error", "shard 3 failed: boom"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/get_report", "/api/get_report"})
    void anUnknownIdIs404(String path) {
        String unknown = UUID.randomUUID().toString();
        for (HttpResponse<String> response : new HttpResponse[] {
            get(path + "?report_id=" + unknown),
            post(path, "{\"report_id\": \"" + unknown + "\"}"),
            get(path + "?report_id=" + unknown, "Accept", "text/csv")
        }) {
            assertProblem(response, 404, "report-not-found", "no report with report_id " + unknown);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/get_report", "/api/get_report"})
    void aMalformedIdOrBodyIs400(String path) {
        assertBadRequest(get(path + "?report_id=42"), "report_id must be a UUID");
        assertProblem(
                get(path + "?report_id=not-an-id", "Accept", "text/csv"),
                400,
                "invalid-request",
                "report_id must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, was 'not-an-id'");
        assertBadRequest(get(path + "?report_id=1-1-1-1-1"), "report_id must be a UUID");
        assertBadRequest(get(path), "report_id is required");
        assertBadRequest(post(path, "{\"report_id\": \"nope\"}"), "report_id must be a UUID");
        assertBadRequest(post(path, "{\"report_id\": "), "not valid JSON");
        assertBadRequest(post(path, "{\"id\": \"x\"}"), "unknown field 'id'");
        assertBadRequest(post(path, null), "report_id is required");
        assertProblem(
                get(path + "?report_id=%20"),
                400,
                "invalid-request",
                "report_id is required (a query parameter, or {\"report_id\"} in a POST body)");
    }

    @Test
    void theOpenApiDescriptionListsTheEndpoints() {
        HttpResponse<String> response = get("/v3/api-docs");

        assertThat(response.statusCode()).isEqualTo(200);
        assertJson(response);
        assertThat(PLAIN.readTree(response.body()).path("paths").propertyNames())
                .containsExactlyInAnyOrder(
                        "/trigger_report",
                        "/api/trigger_report",
                        "/get_report",
                        "/api/get_report",
                        "/api/ingest",
                        "/api/ingest/status",
                        "/api/reports",
                        "/api/reports/{report_id}/stores/{store_id}/timeline");
    }

    private UUID insertReport(String status, String csv, String error) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count,
                                             csv, csv_sha256, store_count, error, completed_at)
                        values (?, ?, now(), ?, 3, 'nearest', 4, ?, ?, ?, ?, case when ? = 'RUNNING' then null else now() end)
                        """)
                .params(
                        id,
                        status,
                        LATEST.atOffset(ZoneOffset.UTC),
                        csv,
                        csv == null ? null : "sha",
                        csv == null ? null : (int) csv.lines().count() - 1,
                        error,
                        status)
                .update();
        return id;
    }

    private String recorded(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        UUID id = UUID.fromString((String) json(response).get("report_id"));
        return jdbc.sql("select as_of, interpolation from reports where id = ?")
                .param(id)
                .query((rs, n) ->
                        rs.getObject(1, java.time.OffsetDateTime.class).toInstant() + " " + rs.getString(2))
                .single();
    }

    private static void assertBadRequest(HttpResponse<String> response, String naming) {
        assertProblem(response, 400, "invalid-request", null);
        assertThat((String) json(response).get("detail")).contains(naming);
    }

    /**
     * An RFC 9457 answer: problem+json, the type of its kind, the HTTP status repeated, a title, and the detail (when
     * given, exactly).
     */
    static void assertProblem(HttpResponse<String> response, int status, String type, String detail) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        Map<String, Object> problem = json(response);
        assertThat(problem)
                .containsEntry("type", "https://storemon.dev/problems/" + type)
                .containsEntry("status", status)
                .containsKeys("title", "detail", "instance");
        if (detail != null) {
            assertThat(problem).containsEntry("detail", detail);
        }
    }

    static void assertJson(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    static Map<String, Object> json(HttpResponse<String> response) {
        return PLAIN.readValue(response.body(), new TypeReference<>() {});
    }
}
