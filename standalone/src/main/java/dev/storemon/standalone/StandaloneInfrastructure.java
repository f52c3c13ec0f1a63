package dev.storemon.standalone;

import dev.storemon.db.PostgresSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded Postgres and the in-process Kafka broker that the services of standalone mode share. Runs as its own
 * small application context (configuration {@code standalone.yml}), started before and closed after the services of
 * its process: the {@code infra} role. With {@code storemon.embedded.data-dir} both keep their data there, so that
 * infra can be stopped and started again on the same directory with nothing lost.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedProperties.class)
class StandaloneInfrastructure {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedProperties properties) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        PostgresSettings.RECOMMENDED.forEach(builder::setServerConfig);
        PostgresSettings.SINGLE_NODE.forEach(builder::setServerConfig);
        if (properties.postgresDataDir() != null) {
            // Kept across restarts: zonky runs initdb only when the directory holds no cluster yet (no postgresql.conf)
            // or when told to clean it, which it must not be.
            builder.setDataDirectory(properties.postgresDataDir()).setCleanDataDirectory(false);
        }
        if (properties.postgresPort() != 0) {
            // checked first: with the port taken, the embedded server's readiness check would talk to the other one
            requireFree(properties.postgresPort(), "Postgres", "storemon.embedded.postgres-port");
            builder.setPort(properties.postgresPort());
        }
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "could not start the embedded Postgres on port " + properties.postgresPort()
                            + " (is the port taken? --storemon.embedded.postgres-port=0 picks a free one)",
                    e);
        }
    }

    @Bean(destroyMethod = "close")
    InProcessKafkaBroker kafkaBroker(EmbeddedProperties properties) {
        if (properties.kafkaPort() != 0) {
            requireFree(properties.kafkaPort(), "Kafka broker", "storemon.embedded.kafka-port");
        }
        try {
            return InProcessKafkaBroker.start(properties.kafkaPort(), properties.kafkaLogDir());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new IllegalStateException(
                    "could not start the in-process Kafka broker on port " + properties.kafkaPort()
                            + " (is the port taken? --storemon.embedded.kafka-port=0 picks a free one)",
                    e);
        }
    }

    private static void requireFree(int port, String what, String property) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "port " + port + " for the embedded " + what + " is taken; choose another " + "with --" + property
                            + "=<port> (0 picks a free one)",
                    e);
        }
    }

    @Bean
    StandaloneEndpoints standaloneEndpoints(EmbeddedPostgres postgres, InProcessKafkaBroker broker) {
        return new StandaloneEndpoints(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                "postgres",
                "postgres",
                broker.bootstrapServers());
    }
}
