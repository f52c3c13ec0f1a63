package dev.storemon.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What a waiting service answers on its port before its context, and Actuator, can start. */
class NotReadyServerTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthAndReadinessAre503WithWhatIsAwaitedLivenessIsUp() throws Exception {
        int port = JarProcess.freePort();
        try (NotReadyServer server = NotReadyServer.open(port, "report worker")) {
            server.waitingFor("Kafka at localhost:9092 (Connection refused)");

            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body())
                    .isEqualTo("{\"status\":\"OUT_OF_SERVICE\",\"details\":{\"waiting_for\":"
                            + "\"Kafka at localhost:9092 (Connection refused)\"}}");
            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(503);

            HttpResponse<String> liveness = get(port, "/actuator/health/liveness");
            assertThat(liveness.statusCode()).isEqualTo(200);
            assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");

            HttpResponse<String> api = get(port, "/trigger_report");
            assertThat(api.statusCode()).isEqualTo(503);
            assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(api.body()).contains("report worker is starting: waiting for Kafka at localhost:9092");
        }
        // closed: the port is free again for the service itself
        new ServerSocket(port).close();
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
