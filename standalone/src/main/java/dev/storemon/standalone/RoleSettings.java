package dev.storemon.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * What makes a service context the role it plays, put above everything else in its environment (the command line
 * included: it goes to every context of the process, and {@code --server.port} there is the gateway's).
 *
 * <ul>
 * <li>The gateway serves its API (and Actuator) on {@code server.port}.</li>
 * <li>A worker or the ingest worker with a port of its own runs as a servlet application whose only HTTP surface is
 * Actuator, on {@code management.server.port} (the same port as its {@code server.port}, so one server): no API
 * documentation, no static resources.</li>
 * <li>A worker or the ingest worker sharing its process with the gateway runs without a web server, as before; the
 * gateway's endpoints report the process (and, with the shared registry, its metrics).</li>
 * </ul>
 *
 * A port of 0 is resolved to a free port here, so that the not-ready answer while waiting ({@link InfrastructureWait})
 * and the service itself use the same one. Runs after the service's own files are read, before {@link
 * InfrastructureWait}.
 */
final class RoleSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    private static final String NAME = "storemonRole";

    private final Role role;
    private final boolean web;

    /**
     * @param role the service this context runs
     * @param web  whether it serves HTTP (always for the gateway)
     */
    RoleSettings(Role role, boolean web) {
        this.role = role;
        this.web = web;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        Map<String, Object> settings = new HashMap<>();
        settings.put("spring.main.web-application-type", web ? "servlet" : "none");
        if (web) {
            boolean gateway = role == Role.GATEWAY;
            int port = environment.getProperty(
                    gateway ? "server.port" : "management.server.port",
                    Integer.class,
                    gateway ? 8080 : role.defaultManagementPort());
            if (port == 0) {
                port = freePort();
            }
            settings.put("server.port", port);
            if (!gateway) {
                settings.put("management.server.port", port);
                settings.put("springdoc.api-docs.enabled", false);
                settings.put("springdoc.swagger-ui.enabled", false);
                settings.put("spring.web.resources.add-mappings", false);
            }
        }
        environment.getPropertySources().addFirst(new MapPropertySource(NAME, settings));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
