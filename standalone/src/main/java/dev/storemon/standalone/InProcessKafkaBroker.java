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
 * fixed port, with its log in a temporary directory deleted on {@link #close()}.
 *
 * <p>spring-kafka-test's {@code EmbeddedKafkaKraftBroker} always binds random ports; standalone needs a port that
 * other processes (extra report workers) can be told in advance, so this formats a log directory the way
 * {@code kafka-storage.sh format} does and starts {@link KafkaRaftServer} itself.
 */
final class InProcessKafkaBroker implements AutoCloseable {

    private static final String HOST = "localhost";

    private final Path logDir;
    private final KafkaRaftServer server;
    private final int port;

    private InProcessKafkaBroker(Path logDir, KafkaRaftServer server, int port) {
        this.logDir = logDir;
        this.server = server;
        this.port = port;
    }

    /**
     * Formats a fresh log directory and starts the broker; returns once it accepts clients.
     *
     * @param port the client port, 0 for any free port
     * @return the running broker
     */
    static InProcessKafkaBroker start(int port) {
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        Path logDir = createTempDirectory();
        try {
            KafkaConfig config = KafkaConfig.fromProps(serverProperties(logDir, clientPort, controllerPort), false);
            format(config, logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            return new InProcessKafkaBroker(logDir, server, clientPort);
        } catch (Exception e) {
            deleteRecursively(logDir);
            throw new IllegalStateException("could not start the in-process Kafka broker on port " + clientPort, e);
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
        deleteRecursively(logDir);
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

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
