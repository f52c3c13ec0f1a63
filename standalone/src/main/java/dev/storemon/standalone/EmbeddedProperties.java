package dev.storemon.standalone;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where standalone's embedded infrastructure listens (defaults in {@code standalone.yml}). Fixed ports let report
 * workers started as separate processes join the same broker and database; 0 picks a free port.
 *
 * @param postgresPort port of the embedded Postgres ({@code storemon.embedded.postgres-port})
 * @param kafkaPort    client port of the in-process Kafka broker ({@code storemon.embedded.kafka-port})
 */
@Validated
@ConfigurationProperties("storemon.embedded")
record EmbeddedProperties(@Min(0) @Max(65535) int postgresPort, @Min(0) @Max(65535) int kafkaPort) {
}
