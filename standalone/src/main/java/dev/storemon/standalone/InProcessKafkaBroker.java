package dev.storemon.standalone;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one node), running inside this JVM on a
 * fixed port, with its log either in a temporary directory deleted on {@link #close()} or in a directory it keeps
 * (topics, messages and committed offsets survive a restart on the same directory).
 *
 * <p>spring-kafka-test's {@code EmbeddedKafkaKraftBroker} always binds random ports; standalone needs a port that
 * other processes (extra report workers) can be told in advance, so this formats a log directory the way
 * {@code kafka-storage.sh format} does and starts {@link KafkaRaftServer} itself.
 */
final class InProcessKafkaBroker implements AutoCloseable {

    private static final String HOST = "localhost";

    /** Written by the formatter; its presence means the directory holds a cluster already (and its cluster id). */
    private static final String META_PROPERTIES = "meta.properties";

    private final Path logDir;
    private final boolean temporary;
    private final KafkaRaftServer server;
    private final int port;

    private InProcessKafkaBroker(Path logDir, boolean temporary, KafkaRaftServer server, int port) {
        this.logDir = logDir;
        this.temporary = temporary;
        this.server = server;
        this.port = port;
    }

    /**
     * Formats a fresh temporary log directory and starts the broker; returns once it accepts clients.
     *
     * @param port the client port, 0 for any free port
     * @return the running broker
     */
    static InProcessKafkaBroker start(int port) {
        return start(port, null);
    }

    /**
     * Starts the broker on a log directory, formatting it only when it holds no cluster yet, so that a restart on the
     * same directory keeps the cluster id, the topics, their messages and the consumer groups' committed offsets.
     *
     * @param port   the client port, 0 for any free port
     * @param logDir the log directory to keep, or {@code null} for a temporary one deleted on {@link #close()}
     * @return the running broker
     */
    static InProcessKafkaBroker start(int port, Path logDir) {
        int clientPort = port == 0 ? freePort() : port;
        // The controller port is not recorded in the log directory (static quorum), so any free one will do.
        int controllerPort = freePort();
        boolean temporary = logDir == null;
        Path dir = temporary ? createTempDirectory() : createDirectories(logDir);
        try {
            KafkaConfig config = KafkaConfig.fromProps(serverProperties(dir, clientPort, controllerPort), false);
            if (!Files.exists(dir.resolve(META_PROPERTIES))) {
                format(config, dir);
            }
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new InProcessKafkaBroker(dir, temporary, server, clientPort);
        } catch (Exception e) {
            if (temporary) {
                deleteRecursively(dir);
            }
            throw new IllegalStateException(
                    "could not start the in-process Kafka broker on port " + clientPort + " with its log in " + dir, e);
        }
    }

    /** @return {@code host:port} for {@code spring.kafka.bootstrap-servers} */
    String bootstrapServers() {
        return HOST + ":" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            deleteRecursively(logDir);
        }
    }

    private static Properties serverProperties(Path logDir, int clientPort, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        // one node: every internal topic has one replica, and nobody waits for a second consumer to join
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics are created by the services that own them (NewTopic beans) with their partition counts; a consumer
        // subscribing first must not create one with the broker's default count.
        p.put("auto.create.topics.enable", "false");
        return p;
    }

    private static void format(KafkaConfig config, Path logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.latestProduction())
                .run();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("storemon-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the broker's log directory", e);
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the broker's log directory " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
