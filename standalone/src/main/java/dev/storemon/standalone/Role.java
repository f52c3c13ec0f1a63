package dev.storemon.standalone;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * What one standalone process runs ({@code storemon.roles}, a comma list; default: all of them, the all-in-one).
 * Each role runs in its own application context, so a role behaves the same whichever others share its JVM.
 */
enum Role {
    /** The embedded Postgres and the in-process Kafka broker. */
    INFRA("infra", 0),
    /** The HTTP API on {@code server.port}. */
    GATEWAY("gateway", 0),
    /** A report worker; alone in its process, it serves management endpoints on {@code management.server.port}. */
    WORKER("report worker", 8081),
    /** The ingest worker; alone in its process, it serves management endpoints on {@code management.server.port}. */
    INGEST("ingest worker", 8082);

    static final String PROPERTY = "storemon.roles";

    private final String label;
    private final int defaultManagementPort;

    Role(String label, int defaultManagementPort) {
        this.label = label;
        this.defaultManagementPort = defaultManagementPort;
    }

    /** @return the role's name in log lines */
    String label() {
        return label;
    }

    /** @return the role's own {@code management.server.port}, distinct per role so that they can share a machine */
    int defaultManagementPort() {
        return defaultManagementPort;
    }

    /** @return the value to write in {@code storemon.roles} */
    String propertyValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code storemon.roles} before any context starts (it decides which contexts start), from the command
     * line, system properties or the environment ({@code STOREMON_ROLES}), as Spring would.
     *
     * @param args the command line
     * @return the roles to run, never empty
     * @throws IllegalArgumentException naming the accepted values when the property names none or an unknown one
     */
    static Set<Role> from(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        List<Role> roles;
        try {
            roles = Binder.get(environment)
                    .bind(PROPERTY, Bindable.listOf(Role.class))
                    .orElse(List.of(values()));
        } catch (RuntimeException e) {
            throw invalid(environment.getProperty(PROPERTY));
        }
        if (roles.isEmpty()) {
            throw invalid(environment.getProperty(PROPERTY));
        }
        return EnumSet.copyOf(roles);
    }

    private static IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(PROPERTY + " must be a comma list of infra, gateway, worker, ingest"
                + " (default: all of them), was '" + value + "'");
    }
}
