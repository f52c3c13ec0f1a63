package dev.storemon.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.gateway.GatewayTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI description says what the API really does: its schemas, answers and problem answers. */
class ApiDocsTest extends GatewayTestBase {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final String SCHEMAS = "#/components/schemas/";

    private JsonNode docs;

    @BeforeEach
    void fetch() {
        HttpResponse<String> response = get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        docs = PLAIN.readTree(response.body());
    }

    @Test
    void everyAnswerHasAComponentSchema() {
        assertThat(docs.path("openapi").asString()).startsWith("3.0");
        JsonNode schemas = docs.path("components").path("schemas");
        for (String name : List.of(
                "ReportAccepted",
                "ReportProgress",
                "ReportFailed",
                "CompleteReport",
                "TriggerReportRequest",
                "GetReportRequest",
                "IngestAccepted",
                "IngestStatus",
                "IngestRun",
                "IngestFileReport",
                "ProblemDetail")) {
            assertThat(schemas.has(name)).as(name).isTrue();
        }
        JsonNode accepted = schemas.path("ReportAccepted");
        assertThat(accepted.path("properties").path("report_id").path("format").asString())
                .isEqualTo("uuid");
        assertThat(strings(accepted.path("properties").path("status").path("enum")))
                .containsExactly("Running", "Complete", "Failed");
        assertThat(strings(accepted.path("required"))).containsExactlyInAnyOrder("report_id", "status");
        assertThat(schemas.path("ReportProgress").path("properties").has("shards_done"))
                .isTrue();
        assertThat(schemas.path("CompleteReport")
                        .path("properties")
                        .path("as_of")
                        .path("format")
                        .asString())
                .isEqualTo("date-time");
        assertThat(strings(schemas.path("IngestStatus")
                        .path("properties")
                        .path("status")
                        .path("enum")))
                .containsExactly("IDLE", "RUNNING");
        assertThat(schemas.path("IngestRun")
                        .path("properties")
                        .path("files")
                        .path("type")
                        .asString())
                .isEqualTo("array");
        assertThat(schemas.path("IngestRun")
                        .path("properties")
                        .path("files")
                        .path("items")
                        .path("$ref")
                        .asString())
                .isEqualTo(SCHEMAS + "IngestFileReport");
        JsonNode problem = schemas.path("ProblemDetail");
        assertThat(problem.path("properties").has("properties")).isFalse();
        assertThat(strings(problem.path("required"))).containsExactly("type", "title", "status", "detail");
        assertThat(problem.path("properties").path("type").path("format").asString())
                .isEqualTo("uri");
    }

    @Test
    void triggerReportAnswersAReportAcceptedAndTakesTypedParameters() {
        for (String path : List.of("/trigger_report", "/api/trigger_report")) {
            for (String method : List.of("get", "post")) {
                JsonNode operation = docs.path("paths").path(path).path(method);
                assertThat(ref(operation.path("responses").path("200"), "application/json"))
                        .as(path + " " + method)
                        .isEqualTo(SCHEMAS + "ReportAccepted");
                assertThat(ref(operation.path("responses").path("400"), "application/problem+json"))
                        .isEqualTo(SCHEMAS + "ProblemDetail");
                assertThat(ref(operation.path("responses").path("409"), "application/problem+json"))
                        .isEqualTo(SCHEMAS + "ProblemDetail");
                assertThat(parameter(operation, "as_of")
                                .path("schema")
                                .path("format")
                                .asString())
                        .isEqualTo("date-time");
                assertThat(strings(parameter(operation, "interpolation")
                                .path("schema")
                                .path("enum")))
                        .containsExactly("nearest", "previous");
            }
            JsonNode post = docs.path("paths").path(path).path("post");
            assertThat(ref(post.path("requestBody"), "application/json")).isEqualTo(SCHEMAS + "TriggerReportRequest");
            assertThat(post.path("responses").has("415")).isTrue();
            assertThat(docs.path("paths").path(path).path("get").has("requestBody"))
                    .isFalse();
        }
    }

    @Test
    void getReportDescribesEveryAnswer() {
        for (String path : List.of("/get_report", "/api/get_report")) {
            for (String method : List.of("get", "post")) {
                JsonNode responses = docs.path("paths").path(path).path(method).path("responses");
                assertThat(ref(responses.path("202"), "application/json"))
                        .as(path + " " + method)
                        .isEqualTo(SCHEMAS + "ReportProgress");
                JsonNode ok = responses.path("200");
                assertThat(ok.path("content")
                                .path("text/csv")
                                .path("schema")
                                .path("type")
                                .asString())
                        .isEqualTo("string");
                List<String> oneOf = new ArrayList<>();
                ok.path("content")
                        .path("application/json")
                        .path("schema")
                        .path("oneOf")
                        .forEach(schema -> oneOf.add(schema.path("$ref").asString()));
                assertThat(oneOf).containsExactly(SCHEMAS + "CompleteReport", SCHEMAS + "ReportFailed");
                assertThat(ok.path("headers").has("X-Report-Status")).isTrue();
                assertThat(ok.path("headers").has("Content-Disposition")).isTrue();
                assertThat(ref(responses.path("400"), "application/problem+json"))
                        .isEqualTo(SCHEMAS + "ProblemDetail");
                assertThat(ref(responses.path("404"), "application/problem+json"))
                        .isEqualTo(SCHEMAS + "ProblemDetail");
                assertThat(parameter(docs.path("paths").path(path).path(method), "report_id")
                                .path("schema")
                                .path("format")
                                .asString())
                        .isEqualTo("uuid");
                assertThat(strings(parameter(docs.path("paths").path(path).path(method), "format")
                                .path("schema")
                                .path("enum")))
                        .containsExactly("csv", "json");
            }
            assertThat(ref(docs.path("paths").path(path).path("post").path("requestBody"), "application/json"))
                    .isEqualTo(SCHEMAS + "GetReportRequest");
            assertThat(strings(docs.path("components")
                            .path("schemas")
                            .path("GetReportRequest")
                            .path("properties")
                            .path("format")
                            .path("enum")))
                    .containsExactly("csv", "json");
        }
    }

    @Test
    void theIngestRoutesAreOnlyUnderApi() {
        assertThat(ref(
                        docs.path("paths")
                                .path("/api/ingest")
                                .path("post")
                                .path("responses")
                                .path("202"),
                        "application/json"))
                .isEqualTo(SCHEMAS + "IngestAccepted");
        assertThat(ref(
                        docs.path("paths")
                                .path("/api/ingest/status")
                                .path("get")
                                .path("responses")
                                .path("200"),
                        "application/json"))
                .isEqualTo(SCHEMAS + "IngestStatus");
        assertThat(docs.path("paths").has("/ingest")).isFalse();
        assertThat(docs.path("paths").has("/ingest/status")).isFalse();
    }

    @Test
    void thePagesEndpointsHaveTheirSchemas() {
        JsonNode recent = docs.path("paths").path("/api/reports").path("get");
        assertThat(ref(recent.path("responses").path("200"), "application/json"))
                .isEqualTo(SCHEMAS + "RecentReportsView");
        assertThat(ref(recent.path("responses").path("400"), "application/problem+json"))
                .isEqualTo(SCHEMAS + "ProblemDetail");
        JsonNode limit = parameter(recent, "limit").path("schema");
        assertThat(limit.path("type").asString()).isEqualTo("integer");
        assertThat(limit.path("maximum").asInt()).isEqualTo(100);

        JsonNode timeline = docs.path("paths")
                .path("/api/reports/{report_id}/stores/{store_id}/timeline")
                .path("get");
        assertThat(ref(timeline.path("responses").path("200"), "application/json"))
                .isEqualTo(SCHEMAS + "StoreTimelineView");
        for (String status : List.of("400", "404")) {
            assertThat(ref(timeline.path("responses").path(status), "application/problem+json"))
                    .as(status)
                    .isEqualTo(SCHEMAS + "ProblemDetail");
        }
        assertThat(parameter(timeline, "report_id")
                        .path("schema")
                        .path("format")
                        .asString())
                .isEqualTo("uuid");
        assertThat(parameter(timeline, "store_id").path("in").asString()).isEqualTo("path");

        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("RecentReportsView")
                        .path("properties")
                        .path("reports")
                        .path("items")
                        .path("$ref")
                        .asString())
                .isEqualTo(SCHEMAS + "RecentReport");
        assertThat(strings(schemas.path("RecentReport")
                        .path("properties")
                        .path("status")
                        .path("enum")))
                .containsExactly("Running", "Complete", "Failed");
        assertThat(schemas.path("RecentReport")
                        .path("properties")
                        .path("completed_at")
                        .path("nullable")
                        .asBoolean())
                .isTrue();
        JsonNode view = schemas.path("StoreTimelineView").path("properties");
        assertThat(view.path("figures").path("$ref").asString()).isEqualTo(SCHEMAS + "StoreFigures");
        assertThat(view.path("segments").path("items").path("$ref").asString()).isEqualTo(SCHEMAS + "TimelineSegment");
        assertThat(view.path("polls").path("items").path("$ref").asString()).isEqualTo(SCHEMAS + "TimelinePoll");
        assertThat(strings(schemas.path("TimelineSegment")
                        .path("properties")
                        .path("status")
                        .path("enum")))
                .containsExactly("up", "down");
        assertThat(schemas.path("StoreFigures")
                        .path("properties")
                        .path("uptime_last_week")
                        .path("type")
                        .asString())
                .isEqualTo("number");
        assertThat(strings(schemas.path("StoreTimelineView").path("required")))
                .contains("segments", "polls", "figures");
        // instants are date-time (with an offset); local times are not, or a generated client fails to read them
        assertThat(view.path("as_of").path("format").asString()).isEqualTo("date-time");
        for (JsonNode local : List.of(
                view.path("as_of_local"),
                view.path("week_start_local"),
                schemas.path("TimelineSegment").path("properties").path("start_local"),
                schemas.path("TimelinePoll").path("properties").path("at_local"))) {
            assertThat(local.path("type").asString()).isEqualTo("string");
            assertThat(local.path("format").asString()).isEqualTo("local-date-time");
        }
    }

    @Test
    void everyProblemAnswerIsProblemJsonAndEveryOperationIdIsUnique() {
        List<String> operationIds = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                operationIds.add(operation.getValue().path("operationId").asString());
                JsonNode responses = operation.getValue().path("responses");
                assertThat(responses.has("500")).as(path.getKey()).isTrue();
                for (Map.Entry<String, JsonNode> response : responses.properties()) {
                    if (Integer.parseInt(response.getKey()) >= 400) {
                        assertThat(names(response.getValue().path("content")))
                                .as(path.getKey() + " " + operation.getKey() + " " + response.getKey())
                                .containsExactly("application/problem+json");
                    }
                }
            }
        }
        assertThat(operationIds).doesNotHaveDuplicates().doesNotContain("");
        assertThat(docs.path("paths").has("/error")).isFalse();
    }

    private static String ref(JsonNode response, String mediaType) {
        return response.path("content")
                .path(mediaType)
                .path("schema")
                .path("$ref")
                .asString();
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asString())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.properties().forEach(entry -> names.add(entry.getKey()));
        return names;
    }
}
