package dev.storemon.standalone;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Holds a service's port while the service waits for Postgres or Kafka, before its Spring context (and Actuator) can
 * start: {@code /actuator/health} and {@code /actuator/health/readiness} answer 503 {@code OUT_OF_SERVICE} with what
 * it waits for, liveness answers 200 {@code UP} (the process is fine and retrying: restarting it would not help), and
 * every other path 503 with a Problem Details body. Closed just before the service starts on the same port.
 */
final class NotReadyServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NotReadyServer.class);

    /** Not the services' mapper bean: no context exists yet while this answers. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final String service;
    private volatile String waitingFor = "Postgres and Kafka";

    private NotReadyServer(HttpServer server, String service) {
        this.server = server;
        this.service = service;
    }

    /**
     * @param port    the service's HTTP port
     * @param service the service's name, for the answers
     * @return the server, answering; one that answers nothing when the port is taken (the service's own start will
     *         then say so)
     */
    static NotReadyServer open(int port, String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            NotReadyServer notReady = new NotReadyServer(server, service);
            server.createContext("/", notReady::answer);
            server.start();
            return notReady;
        } catch (IOException e) {
            log.warn(
                    "{}: port {} is taken, cannot answer 'not ready' on it while waiting: {}",
                    service,
                    port,
                    e.getMessage());
            return new NotReadyServer(null, service);
        }
    }

    /** @param what what the service waits for now, e.g. "Postgres at jdbc:postgresql://localhost:5433/postgres" */
    void waitingFor(String what) {
        waitingFor = what;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String detail = service + " is starting: waiting for " + waitingFor;
            Map<String, Object> body = new LinkedHashMap<>();
            if (path.equals("/actuator/health/liveness")) {
                body.put("status", "UP");
                send(exchange, 200, "application/json", body);
            } else if (path.startsWith("/actuator/health")) {
                body.put("status", "OUT_OF_SERVICE");
                body.put("details", Map.of("waiting_for", waitingFor));
                send(exchange, 503, "application/json", body);
            } else {
                body.put("type", "about:blank");
                body.put("title", "Service Unavailable");
                body.put("status", 503);
                body.put("detail", detail);
                send(exchange, 503, "application/problem+json", body);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, Map<String, Object> body)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Retry-After", "5");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
