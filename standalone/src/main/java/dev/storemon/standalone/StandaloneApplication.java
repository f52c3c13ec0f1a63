package dev.storemon.standalone;

import dev.storemon.gateway.GatewayApplication;
import dev.storemon.ingest.IngestWorkerApplication;
import dev.storemon.worker.ReportWorkerApplication;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * One jar, any role ({@link Role}, {@code storemon.roles}; default all of them): an embedded Postgres and an
 * in-process KRaft broker ({@link StandaloneInfrastructure}, role {@code infra}), then the gateway, a report worker
 * and the ingest worker, each its own application context started through its application's {@code builder()},
 * exactly as when it runs alone.
 *
 * <p>Every command-line argument goes to every context; each reads the properties it knows ({@code --server.port} the
 * gateway, {@code --storemon.ingest.source-dir} the ingest worker). Without {@code infra}, the services connect
 * through the ordinary {@code spring.datasource.*} and {@code spring.kafka.bootstrap-servers} properties, and wait
 * for them to answer ({@link InfrastructureWait}). Ctrl-C (SIGTERM) closes the services, then the infrastructure.
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

    /**
     * With one registry for several contexts, Micrometer warns at every start that the second and third context add
     * their (identical) meter filters after the first one's meters, and that their task executors' meters exist
     * already (the first context's are kept). Both are expected; real registration errors are still logged.
     */
    private static final Map<String, Object> SHARED_REGISTRY_LOGGING = Map.of(
            "logging.level.dev.storemon.standalone.SharedMeterRegistry", "ERROR",
            "logging.level.io.micrometer.core.instrument.MeterRegistry", "ERROR");

    private final Set<Role> roles;
    /** Started contexts, closed in reverse order on shutdown. */
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();
    /** Counted down on shutdown: ends any wait for Postgres, Kafka or a retry. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    private boolean closing;
    private SharedMeterRegistry sharedMetrics;

    private StandaloneApplication(Set<Role> roles) {
        this.roles = roles;
    }

    public static void main(String[] args) {
        Set<Role> roles;
        try {
            roles = Role.from(args);
        } catch (IllegalArgumentException e) {
            log.error("storemon standalone cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        StandaloneApplication standalone = new StandaloneApplication(roles);
        Runtime.getRuntime().addShutdownHook(new Thread(standalone::close, "storemon-standalone-shutdown"));
        try {
            standalone.start(args);
        } catch (RuntimeException e) {
            if (standalone.isClosing()) {
                return; // stopped while starting: the shutdown hook is closing what had started
            }
            log.error("storemon standalone could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    private void start(String[] args) {
        Map<String, Object> serviceProperties = new HashMap<>(SHARED_LOGGING);
        StandaloneEndpoints endpoints = null;
        if (roles.contains(Role.INFRA)) {
            endpoints = startInfrastructure(args);
            serviceProperties.putAll(endpoints.springProperties());
        }
        long services = roles.stream().filter(role -> role != Role.INFRA).count();
        if (services > 1) {
            sharedMetrics = new SharedMeterRegistry();
            serviceProperties.putAll(SHARED_REGISTRY_LOGGING);
        }

        boolean secured = false;
        if (roles.contains(Role.GATEWAY)) {
            // Access control: off unless asked for (command line or environment), and while it is off the API is
            // reachable from this machine only. An explicit --server.address still wins.
            StandardEnvironment asked = new StandardEnvironment();
            asked.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
            secured = asked.getProperty("storemon.security.enabled", Boolean.class, false);
            serviceProperties.put("storemon.security.enabled", secured);
            if (!secured) {
                serviceProperties.put("server.address", "127.0.0.1");
            }
        }

        // The gateway first: it creates the report topics the worker subscribes to, and answers 409 until the ingest
        // worker, last, has loaded the first data version.
        String api = null;
        if (roles.contains(Role.GATEWAY)) {
            ConfigurableApplicationContext gateway = startService(Role.GATEWAY, args, serviceProperties);
            api = "http://localhost:" + gateway.getEnvironment().getProperty("local.server.port");
            // A worker of this process pre-warms the shards this gateway asks for (a command-line value still wins).
            serviceProperties.put(
                    "storemon.worker.prewarm-shards",
                    gateway.getEnvironment().getRequiredProperty("storemon.gateway.shard-count"));
            log.info("storemon gateway ready: API {}", api);
            String address = gateway.getEnvironment().getProperty("server.address", "all interfaces");
            if (secured) {
                log.info(
                        "Access control ON: API keys required (Authorization: Bearer <key>; admin key from "
                                + "storemon.security.admin-key); the API listens on {}",
                        address);
            } else {
                log.warn(
                        "Access control OFF (storemon.security.enabled=false, the ./storemon default): no API key "
                                + "needed, so the API listens on {} only; turn it on with --storemon.security.enabled=true "
                                + "--storemon.security.admin-key=<secret>",
                        address);
            }
        }
        for (Role role : List.of(Role.WORKER, Role.INGEST)) {
            if (roles.contains(role)) {
                ConfigurableApplicationContext service = startService(role, args, serviceProperties);
                String port = service.getEnvironment().getProperty("local.server.port");
                log.info(
                        "storemon {} ready: {}",
                        role.label(),
                        port == null
                                ? "its health and metrics are the gateway's of this process"
                                : "health http://localhost:" + port + "/actuator/health");
            }
        }

        if (roles.containsAll(Set.of(Role.values()))) {
            log.info(
                    "storemon standalone ready: API {} | Postgres {} | Kafka {}",
                    api,
                    endpoints.jdbcUrl(),
                    endpoints.bootstrapServers());
            log.info(
                    "More report workers join with: ./storemon --storemon.roles=worker --management.server.port={} {}"
                            + " (one management port per worker)",
                    Role.WORKER.defaultManagementPort(),
                    endpoints.commandLineArguments());
        }
    }

    private StandaloneEndpoints startInfrastructure(String[] args) {
        ConfigurableApplicationContext infrastructure = new SpringApplicationBuilder(StandaloneInfrastructure.class)
                .properties("spring.config.name=standalone")
                .properties(SHARED_LOGGING)
                .web(WebApplicationType.NONE)
                // infra alone has no web server to keep the JVM running
                .properties("spring.main.keep-alive=true")
                .registerShutdownHook(false)
                .initializers(this::register)
                .run(args);
        StandaloneEndpoints endpoints = infrastructure.getBean(StandaloneEndpoints.class);
        EmbeddedProperties embedded = infrastructure.getBean(EmbeddedProperties.class);
        log.info(
                "storemon infra ready: Postgres {} (database postgres, user {}, password {}) | Kafka {} | data {}",
                endpoints.jdbcUrl(),
                endpoints.username(),
                endpoints.password(),
                endpoints.bootstrapServers(),
                embedded.dataDir() == null
                        ? "in temporary directories, deleted on stop"
                        : "kept in " + embedded.dataDir().toAbsolutePath());
        log.info("Other roles connect with: {}", endpoints.commandLineArguments());
        return endpoints;
    }

    /**
     * Starts a service, and starts it again while it fails for want of Postgres or Kafka (one that went away between
     * {@link InfrastructureWait}'s check and the service's start); any other failure ends the process as before.
     */
    private ConfigurableApplicationContext startService(Role role, String[] args, Map<String, Object> properties) {
        InfrastructureWait.Backoff backoff = new InfrastructureWait.Backoff();
        while (true) {
            try {
                return service(role, properties).run(args);
            } catch (RuntimeException e) {
                if (isClosing() || !unreachable(e)) {
                    throw e;
                }
                Duration next = backoff.next();
                log.warn(
                        "{} could not start: {}; next try in {} s",
                        role.label(),
                        Reachability.rootMessage(e),
                        next.toSeconds());
                if (awaitStop(next)) {
                    throw new IllegalStateException("storemon is stopping", e);
                }
            }
        }
    }

    /** A service's own builder, told which infrastructure to use and which role it plays; its logs carry its name. */
    private SpringApplicationBuilder service(Role role, Map<String, Object> properties) {
        // A worker or ingest worker serves HTTP (management only) when no gateway shares its process.
        boolean web = role == Role.GATEWAY || !roles.contains(Role.GATEWAY);
        Map<String, Object> defaults = new HashMap<>(properties);
        if (role != Role.GATEWAY) {
            defaults.put("management.server.port", role.defaultManagementPort());
        }
        SpringApplicationBuilder builder =
                switch (role) {
                    case GATEWAY ->
                        GatewayApplication.builder()
                                .main(GatewayApplication.class)
                                .properties("spring.application.name=" + GatewayApplication.CONFIG_NAME);
                    case WORKER ->
                        ReportWorkerApplication.builder()
                                .main(ReportWorkerApplication.class)
                                .properties("spring.application.name=" + ReportWorkerApplication.CONFIG_NAME);
                    case INGEST ->
                        IngestWorkerApplication.builder()
                                .main(IngestWorkerApplication.class)
                                .properties("spring.application.name=" + IngestWorkerApplication.CONFIG_NAME);
                    case INFRA -> throw new IllegalArgumentException("infra is not a service");
                };
        builder.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .registerShutdownHook(false)
                .listeners(
                        new EndpointProperties(defaults),
                        new RoleSettings(role, web),
                        new InfrastructureWait(role, web, stopping))
                .initializers(this::register);
        if (sharedMetrics != null) {
            builder.initializers(sharedMetrics::registerIn);
        }
        return builder;
    }

    /** Postgres or Kafka not answering, somewhere in the cause chain of a failed start. */
    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")
                    || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private boolean awaitStop(Duration timeout) {
        try {
            return stopping.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Called before a context refreshes, so that Ctrl-C during start-up closes it too (closing waits for a refresh in
     * progress to end). A context whose start failed closed itself; it is dropped when the next one registers.
     */
    private synchronized void register(ConfigurableApplicationContext context) {
        if (closing) {
            throw new IllegalStateException("storemon standalone is stopping");
        }
        started.removeIf(earlier -> !earlier.isActive()); // the others have all started
        started.add(context);
    }

    private synchronized boolean isClosing() {
        return closing;
    }

    private void close() {
        stopping.countDown();
        synchronized (this) {
            closing = true;
            for (int i = started.size() - 1; i >= 0; i--) {
                try {
                    started.get(i).close();
                } catch (RuntimeException e) {
                    log.warn("while stopping {}: {}", started.get(i).getId(), e.getMessage());
                }
            }
            if (sharedMetrics != null) {
                sharedMetrics.closeShared();
            }
            if (!started.isEmpty()) {
                log.info("storemon standalone stopped");
            }
            started.clear();
        }
    }
}
