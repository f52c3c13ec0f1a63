package dev.storemon.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.gateway.GatewayTestBase;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors that no controller raises itself (unknown path, wrong method, wrong media type, a failure nobody expected,
 * Boot's /error fallback) are RFC 9457 answers too, whatever the Accept header. ReportApiContractTest covers the
 * report endpoints' own 400/404/409.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTest extends GatewayTestBase {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"", "*/*", "text/html", "text/csv", "application/json", "application/xml"})
    void anUnknownPathIsA404Problem(String accept) {
        String[] headers = accept.isEmpty() ? new String[0] : new String[] {"Accept", accept};
        for (String path : new String[] {"/nope", "/api/nope", "/api/trigger_report/x"}) {
            HttpResponse<String> response = request("GET", path, null, headers);

            Map<String, Object> problem = assertProblem(response, 404, "not-found");
            assertThat(problem)
                    .containsEntry("detail", "no such path: " + path + " (the API is described at /v3/api-docs)")
                    .containsEntry("instance", path);
        }
        assertProblem(request("POST", "/nope", "{}", "Content-Type", "application/json"), 404, "not-found");
    }

    @Test
    void onlyTheIngestRoutesAreOnlyUnderApi() {
        assertProblem(request("POST", "/ingest", null), 404, "not-found");
        assertProblem(request("GET", "/ingest/status", null), 404, "not-found");
    }

    @Test
    void aWrongMethodIsA405ProblemNamingTheAllowedOnes() {
        HttpResponse<String> delete =
                request("DELETE", "/get_report?report_id=" + UUID.randomUUID(), null, "Accept", "text/csv");
        assertThat(assertProblem(delete, 405, "method-not-allowed"))
                .containsEntry("detail", "DELETE is not allowed on /get_report; allowed: GET, POST");
        assertThat(delete.headers().firstValue("Allow"))
                .hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));

        assertThat(assertProblem(request("GET", "/api/ingest", null), 405, "method-not-allowed"))
                .containsEntry("detail", "GET is not allowed on /api/ingest; allowed: POST");
        assertProblem(
                request("PUT", "/api/trigger_report", "{}", "Content-Type", "application/json"),
                405,
                "method-not-allowed");
    }

    @Test
    void aBodyThatIsNotJsonIsA415Problem() {
        HttpResponse<String> response =
                request("POST", "/trigger_report", "as_of=2023-01-20T00:00:00Z", "Content-Type", "text/plain");

        assertThat(assertProblem(response, 415, "unsupported-media-type"))
                .containsEntry(
                        "detail", "a request body must be JSON (Content-Type: application/json), was 'text/plain'");
    }

    @Test
    void anUnexpectedFailureIsA500ThatShowsOnlyAReferenceAlsoInTheLog(CapturedOutput output) {
        truncateAll();
        insertDataVersion(3, 3, Instant.parse("2023-01-25T18:13:22Z"));
        UUID id = UUID.randomUUID();
        // A state the gateway does not know: reading it fails inside the controller.
        jdbc.sql("""
                        insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count)
                        values (?, 'BOGUS', now(), ?, 3, 'nearest', 4)
                        """)
                .params(id, Instant.parse("2023-01-25T18:00:00Z").atOffset(ZoneOffset.UTC))
                .update();

        HttpResponse<String> response = request("GET", "/get_report?report_id=" + id, null, "Accept", "text/csv");

        Map<String, Object> problem = assertProblem(response, 500, "internal-error");
        String reference = (String) problem.get("reference");
        assertThat(reference).matches("[0-9a-f]{8}");
        assertThat(problem)
                .containsOnlyKeys("type", "title", "status", "detail", "instance", "reference")
                .containsEntry(
                        "detail",
                        "the server could not answer this request; quote reference " + reference
                                + " when reporting it");
        assertThat(response.body())
                .doesNotContain("BOGUS", "ReportStatus", "Exception", "dev.storemon", "\tat ", "localhost", "select ");
        assertThat(output.getAll())
                .contains("GET /get_report failed with 500: reference " + reference)
                .contains("No enum constant");
        truncateAll();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/html", "*/*", "application/json"})
    void bootsErrorFallbackAnswersProblemDetailsToo(String accept) {
        assertProblem(request("GET", "/error", null, "Accept", accept), 404, "not-found");
    }

    private static Map<String, Object> assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        Map<String, Object> problem = PLAIN.readValue(response.body(), new TypeReference<>() {});
        assertThat(problem)
                .containsEntry("type", ProblemType.BASE + type)
                .containsEntry("status", status)
                .containsKeys("title", "detail");
        assertThat((String) problem.get("detail")).isNotBlank();
        return problem;
    }
}
