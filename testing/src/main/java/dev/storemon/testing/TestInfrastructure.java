package dev.storemon.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;

/**
 * The one place where tests get their Postgres and Kafka broker. Both are real: Testcontainers where a Docker engine
 * answers, otherwise an embedded Postgres (zonky) and an in-JVM KRaft broker. Started once per JVM, on first use, and
 * shared by every test in it; stopped when the JVM exits.
 *
 * <p>Set {@code STOREMON_TEST_INFRA=embedded} (or {@code docker}) to force one choice.
 *
 * <p>Use from a Spring test: {@code @DynamicPropertySource static void infra(DynamicPropertyRegistry r)
 * { TestInfrastructure.register(r); }}; from code that starts its own application contexts:
 * {@link #springProperties()}.
 */
public final class TestInfrastructure {

    private static Endpoints endpoints;

    private TestInfrastructure() {}

    /**
     * Connection details of the shared Postgres and broker, starting them on first call.
     *
     * @return the endpoints
     */
    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = useDocker() ? DockerInfrastructure.start() : EmbeddedInfrastructure.start();
        }
        return endpoints;
    }

    /**
     * Registers the Spring Boot properties that point a test's application context at the shared infrastructure.
     *
     * @param registry the test's dynamic property registry
     */
    public static void register(DynamicPropertyRegistry registry) {
        springProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    /**
     * The same properties as {@link #register}, for code that builds application contexts itself.
     *
     * @return Spring Boot property names and values
     */
    public static Map<String, String> springProperties() {
        Endpoints e = endpoints();
        return Map.of(
                "spring.datasource.url", e.jdbcUrl(),
                "spring.datasource.username", e.username(),
                "spring.datasource.password", e.password(),
                "spring.kafka.bootstrap-servers", e.bootstrapServers());
    }

    /**
     * Creates an empty database of its own on the shared Postgres, for a test that migrates or fills it alone.
     *
     * @param prefix the start of its name (letters, digits, underscores)
     * @return its JDBC URL; the shared user and password connect to it
     */
    public static String newDatabase(String prefix) throws SQLException {
        Endpoints e = endpoints();
        String name = prefix + UUID.randomUUID().toString().replace("-", "");
        execute("create database " + name);
        return e.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
    }

    /** Drops a database {@link #newDatabase} created; its connections must be closed. */
    public static void dropDatabase(String jdbcUrl) throws SQLException {
        execute("drop database " + jdbcUrl.replaceFirst("^.*/([^/?]+)(\\?.*)?$", "$1"));
    }

    private static void execute(String sql) throws SQLException {
        Endpoints e = endpoints();
        try (Connection c = DriverManager.getConnection(e.jdbcUrl(), e.username(), e.password());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean useDocker() {
        String forced = System.getenv().getOrDefault("STOREMON_TEST_INFRA", "").toLowerCase(Locale.ROOT);
        if (forced.equals("embedded")) {
            return false;
        }
        if (forced.equals("docker")) {
            return true;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * Where the shared infrastructure listens.
     *
     * @param jdbcUrl          Postgres JDBC URL
     * @param username         Postgres user
     * @param password         Postgres password
     * @param bootstrapServers Kafka bootstrap servers
     * @param kind             {@code docker} or {@code embedded}, for logs
     */
    public record Endpoints(String jdbcUrl, String username, String password, String bootstrapServers, String kind) {}
}
