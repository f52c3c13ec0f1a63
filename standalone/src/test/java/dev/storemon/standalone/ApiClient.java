package dev.storemon.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** What an owner does over HTTP against one gateway: trigger a report, wait for it, download its CSV. */
final class ApiClient {

    /** Every JVM of a test shares 2 cores with other builds: generous, and only an upper bound. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    static final Duration REPORT_TIMEOUT = Duration.ofMinutes(4);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;

    ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * Triggers a report as of a given instant (so that reports of different runs are comparable), waiting for the
     * gateway to answer and the data to be loaded (409 until then).
     *
     * @return the report id
     */
    String trigger(String asOf, String interpolation) {
        String body = "{\"as_of\": \"" + asOf + "\", \"interpolation\": \"" + interpolation + "\"}";
        HttpResponse<String> triggered = await("the gateway at " + base + " accepts trigger_report")
                .atMost(START_TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptions()
                .until(
                        () -> send(HttpRequest.newBuilder(URI.create(base + "/trigger_report"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))),
                        r -> r.statusCode() == 200);
        return JSON.readTree(triggered.body()).get("report_id").asString();
    }

    /** Waits for the report to complete and returns its CSV. */
    String awaitCsv(String reportId) {
        HttpResponse<String> report = await("report " + reportId + " completes")
                .atMost(REPORT_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> get("/get_report?report_id=" + reportId), r -> r.statusCode() != 202);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        assertThat(report.headers().firstValue("X-Report-Status")).hasValue("Complete");
        return report.body();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return new ApiClient(port).get(path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(
                request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
