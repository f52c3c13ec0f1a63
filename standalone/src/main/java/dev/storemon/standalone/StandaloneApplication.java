package dev.storemon.standalone;

import dev.storemon.gateway.GatewayApplication;
import dev.storemon.ingest.IngestWorkerApplication;
import dev.storemon.worker.ReportWorkerApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Everything in one JVM: an embedded Postgres and an in-process KRaft broker ({@link StandaloneInfrastructure}), then
 * the gateway, a report worker and the ingest worker, each its own application context started through its
 * application's {@code builder()}, exactly as when it runs alone.
 *
 * <p>Every command-line argument goes to every context; each reads the properties it knows ({@code --server.port} the
 * gateway, {@code --storemon.ingest.source-dir} the ingest worker). Ctrl-C closes the services, then the
 * infrastructure.
 */
public final class StandaloneApplication {

    private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

    /**
     * One console for four contexts: the logger names tell the services apart (an application name in every line would
     * show the first context's name only), and the broker's own INFO logs are too chatty for it.
     */
    private static final Map<String, Object> SHARED_LOGGING = Map.of(
            "logging.include-application-name", "false",
            "logging.level.kafka", "WARN",
            "logging.level.org.apache.kafka", "WARN",
            "logging.level.state.change.logger", "WARN",
            "logging.level.io.zonky.test.db.postgres", "WARN");

    /** Started contexts, closed in reverse order on shutdown. */
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    private boolean closing;

    private StandaloneApplication() {
    }

    public static void main(String[] args) {
        StandaloneApplication standalone = new StandaloneApplication();
        Runtime.getRuntime().addShutdownHook(new Thread(standalone::close, "storemon-standalone-shutdown"));
        try {
            standalone.start(args);
        } catch (RuntimeException e) {
            log.error("storemon standalone could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    private void start(String[] args) {
        ConfigurableApplicationContext infrastructure = new SpringApplicationBuilder(StandaloneInfrastructure.class)
                .properties("spring.config.name=standalone")
                .properties(SHARED_LOGGING)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .initializers(this::register)
                .run(args);
        StandaloneEndpoints endpoints = infrastructure.getBean(StandaloneEndpoints.class);
        log.info("Embedded infrastructure up: Postgres {} (user {}), Kafka {}", endpoints.jdbcUrl(),
                endpoints.username(), endpoints.bootstrapServers());

        Map<String, Object> serviceProperties = new HashMap<>(endpoints.springProperties());
        serviceProperties.putAll(SHARED_LOGGING);
        // Access control: off unless asked for (command line or environment, both visible here), and while it is off
        // the API is reachable from this machine only. An explicit --server.address still wins.
        boolean secured = infrastructure.getEnvironment().getProperty("storemon.security.enabled", Boolean.class,
                false);
        serviceProperties.put("storemon.security.enabled", secured);
        if (!secured) {
            serviceProperties.put("server.address", "127.0.0.1");
        }
        // The gateway first: it creates the report topics the worker subscribes to, and answers 409 until the ingest
        // worker, last, has loaded the first data version.
        ConfigurableApplicationContext gateway = service(GatewayApplication.builder(), GatewayApplication.class,
                GatewayApplication.CONFIG_NAME, serviceProperties).run(args);
        service(ReportWorkerApplication.builder(), ReportWorkerApplication.class,
                ReportWorkerApplication.CONFIG_NAME, serviceProperties).web(WebApplicationType.NONE).run(args);
        service(IngestWorkerApplication.builder(), IngestWorkerApplication.class,
                IngestWorkerApplication.CONFIG_NAME, serviceProperties).web(WebApplicationType.NONE).run(args);

        String address = gateway.getEnvironment().getProperty("server.address", "all interfaces");
        if (secured) {
            log.info("Access control ON: API keys required (Authorization: Bearer <key>; admin key from "
                    + "storemon.security.admin-key); the API listens on {}", address);
        } else {
            log.warn("Access control OFF (storemon.security.enabled=false, the ./storemon default): no API key needed, "
                    + "so the API listens on {} only; turn it on with --storemon.security.enabled=true "
                    + "--storemon.security.admin-key=<secret>", address);
        }
        log.info("storemon standalone ready: API http://localhost:{} | Postgres {} | Kafka {}",
                gateway.getEnvironment().getProperty("local.server.port"), endpoints.jdbcUrl(),
                endpoints.bootstrapServers());
        log.info("More report workers join with: java -jar report-worker/target/report-worker-0.1.0-SNAPSHOT-exec.jar {}",
                endpoints.commandLineArguments());
    }

    /** A service's own builder, told which infrastructure to use; its logs carry its own name. */
    private SpringApplicationBuilder service(SpringApplicationBuilder builder, Class<?> application, String name,
            Map<String, Object> properties) {
        return builder.main(application)
                .properties("spring.application.name=" + name)
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .listeners(new EndpointProperties(properties))
                .initializers(this::register);
    }

    /**
     * Called before a context refreshes, so that Ctrl-C during start-up closes it too (closing waits for a refresh in
     * progress to end).
     */
    private synchronized void register(ConfigurableApplicationContext context) {
        if (closing) {
            throw new IllegalStateException("storemon standalone is stopping");
        }
        started.add(context);
    }

    private synchronized void close() {
        closing = true;
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (RuntimeException e) {
                log.warn("while stopping {}: {}", started.get(i).getId(), e.getMessage());
            }
        }
        if (!started.isEmpty()) {
            log.info("storemon standalone stopped");
        }
        started.clear();
    }
}
