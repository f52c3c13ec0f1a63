package dev.storemon.standalone;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Whether a service's Postgres and Kafka answer, checked with short timeouts before its context starts. Each check
 * returns why not, for the log line, or empty when the other side answered.
 */
final class Reachability {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private Reachability() {}

    /** A connection with the service's own URL and credentials, so a wrong password is reported too. */
    static Optional<String> postgres(String url, String username, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", username == null ? "" : username);
        properties.setProperty("password", password == null ? "" : password);
        String seconds = Long.toString(TIMEOUT.toSeconds());
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("socketTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            return connection.isValid((int) TIMEOUT.toSeconds()) ? Optional.empty() : Optional.of("no answer");
        } catch (SQLException e) {
            return Optional.of(rootMessage(e));
        }
    }

    /**
     * A plain TCP connection to one of the bootstrap servers first (an admin client on a closed port would log a
     * warning every few hundred milliseconds), then the cluster's id from the broker.
     */
    static Optional<String> kafka(String bootstrapServers) {
        Optional<String> closed = Optional.of("no bootstrap server given");
        for (String server : bootstrapServers.split(",")) {
            closed = tcp(server.trim());
            if (closed.isEmpty()) {
                break;
            }
        }
        if (closed.isPresent()) {
            return closed;
        }
        int millis = (int) TIMEOUT.toMillis();
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                millis))) {
            admin.describeCluster().clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(rootMessage(e));
        } catch (TimeoutException e) {
            return Optional.of("no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (RuntimeException e) {
            return Optional.of(rootMessage(e));
        }
    }

    private static Optional<String> tcp(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 0) {
            return Optional.of("'" + hostAndPort + "' is not host:port");
        }
        try (Socket socket = new Socket()) {
            socket.connect(
                    new InetSocketAddress(
                            hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))),
                    (int) TIMEOUT.toMillis());
            return Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of(rootMessage(e));
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
