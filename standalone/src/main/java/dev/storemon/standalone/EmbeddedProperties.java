package dev.storemon.standalone;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where standalone's embedded infrastructure listens and keeps its data (defaults in {@code standalone.yml}). Fixed
 * ports let the other roles, started as separate processes, be told in advance where to connect; 0 picks a free port.
 *
 * @param postgresPort port of the embedded Postgres ({@code storemon.embedded.postgres-port})
 * @param kafkaPort    client port of the in-process Kafka broker ({@code storemon.embedded.kafka-port})
 * @param dataDir      where Postgres ({@code postgres/}) and the broker ({@code kafka/}) keep their data across
 *                     restarts ({@code storemon.embedded.data-dir}); {@code null}: temporary directories, deleted
 *                     on stop
 */
@Validated
@ConfigurationProperties("storemon.embedded")
record EmbeddedProperties(
        @Min(0) @Max(65535) int postgresPort,
        @Min(0) @Max(65535) int kafkaPort,
        Path dataDir) {

    /** @return Postgres's data directory, or {@code null} for a temporary one */
    Path postgresDataDir() {
        return dataDir == null ? null : dataDir.resolve("postgres");
    }

    /** @return the broker's log directory, or {@code null} for a temporary one */
    Path kafkaLogDir() {
        return dataDir == null ? null : dataDir.resolve("kafka");
    }
}
