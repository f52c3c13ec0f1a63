package dev.storemon.gateway.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Sends the gateway two harmless requests of its own once it is ready: a {@code get_report} of an unknown id (404,
 * after a database lookup) and a {@code trigger_report} whose {@code as_of} is not a time (400). They load and compile
 * what every request needs (the filter chain, the JSON mapper, validation, Problem Details, a pooled connection), so
 * that an owner's first real request does not pay for it: measured, the first {@code trigger_report} after start took
 * 434 ms on an idle machine and 1.7 s next to the report worker's pre-warm, later ones 20 to 100 ms (docs/decisions.md,
 * issue 13). Nothing is stored; with access control on both answer 401, which still warms the chain.
 * {@code storemon.gateway.warm-up=false} turns it off.
 */
@Component
@ConditionalOnProperty(name = "storemon.gateway.warm-up", havingValue = "true", matchIfMissing = true)
class RequestPathWarmUp implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(RequestPathWarmUp.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port == null) {
            return;
        }
        Thread thread = new Thread(() -> warmUp("http://localhost:" + port), "request-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUp(String base) {
        long started = System.nanoTime();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            send(
                    client,
                    HttpRequest.newBuilder(
                                    URI.create(base + "/get_report?report_id=00000000-0000-4000-8000-000000000000"))
                            .GET());
            send(
                    client,
                    HttpRequest.newBuilder(URI.create(base + "/trigger_report"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"as_of\":\"warm-up\"}")));
            log.info("request path warmed up in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            log.info("request path warm-up skipped: {}", e.toString());
        }
    }

    private static void send(HttpClient client, HttpRequest.Builder request) throws Exception {
        client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
