package dev.storemon.testing;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Postgres 17 and Kafka (KRaft) in containers, the same images as docker-compose.yml. */
final class DockerInfrastructure {

    private DockerInfrastructure() {}

    @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
    static TestInfrastructure.Endpoints start() {
        PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.0");
        postgres.start();
        kafka.start();
        return new TestInfrastructure.Endpoints(
                postgres.getJdbcUrl(),
                postgres.getUsername(),
                postgres.getPassword(),
                kafka.getBootstrapServers(),
                "docker");
    }
}
