package dev.storemon.gateway;

import dev.storemon.testing.TestInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One gateway application context shared by every test class of the module (same configuration, so Spring's test
 * context cache reuses it), on the shared Postgres and broker, with a fast sweeper, and access control off (as
 * {@code ./storemon} runs by default; {@code AccessControlTest} turns it on).
 */
@SpringBootTest(
        classes = GatewayApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=" + GatewayApplication.CONFIG_NAME,
            "storemon.gateway.sweep-interval=1s",
            "storemon.gateway.report-timeout=3m",
            "storemon.security.enabled=false"
        })
public abstract class GatewayTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    /**
     * Empties every table: tests share one database. The sweeper reads these tables every second, so a truncate can
     * meet it in a deadlock and be chosen as its victim: tried again until it goes through.
     */
    protected void truncateAll() {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> {
                    jdbc.sql("""
                    truncate report_shards, reports, business_hours, store_zones, store_owners, polls, stores,
                             data_versions, ingest_runs, api_keys restart identity
                    """).update();
                    return true;
                });
    }

    /** Records a finished ingest run and a data version on it; returns the version. */
    protected long insertDataVersion(long version, long scheduleVersion, java.time.Instant latestPollAt) {
        long run = jdbc.sql("""
                        insert into ingest_runs (trigger, status, started_at, finished_at, data_version)
                        values ('startup', 'SUCCEEDED', now(), now(), ?) returning id
                        """).param(version).query(Long.class).single();
        jdbc.sql("""
                        insert into data_versions (version, ingest_run_id, latest_poll_at, schedule_version)
                        values (?, ?, ?, ?)
                        """)
                .params(
                        version,
                        run,
                        latestPollAt == null ? null : latestPollAt.atOffset(java.time.ZoneOffset.UTC),
                        scheduleVersion)
                .update();
        return version;
    }

    protected HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), headers);
    }

    protected HttpResponse<String> post(String pathAndQuery, String body, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (body != null) {
            all.add("Content-Type");
            all.add("application/json");
        }
        return send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .POST(
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)),
                all.toArray(String[]::new));
    }

    protected HttpResponse<String> delete(String pathAndQuery, String... headers) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).DELETE(), headers);
    }

    /** Any method, any body; no header is added. */
    protected HttpResponse<String> request(String method, String pathAndQuery, String body, String... headers) {
        return send(
                HttpRequest.newBuilder(uri(pathAndQuery))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)),
                headers);
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://localhost:" + port + pathAndQuery);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
