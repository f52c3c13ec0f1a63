package dev.storemon.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Postgres server started from bundled binaries, and a real KRaft broker inside this JVM. */
final class EmbeddedInfrastructure {

    /**
     * The deployment's recommended settings for a service that bulk-loads ~2M rows an hour (README, "Postgres
     * settings"; the same as standalone and docker-compose.yml): the poll table and its index fit in shared buffers,
     * and a full load's ~300 MB of WAL neither overflows the WAL buffers nor forces a checkpoint. Tests and
     * benchmarks run on what production is told to run.
     */
    private static final Map<String, String> SERVER_SETTINGS = Map.of("shared_buffers", "512MB",
            "wal_buffers", "64MB", "max_wal_size", "4GB", "checkpoint_timeout", "15min");

    private EmbeddedInfrastructure() {
    }

    static TestInfrastructure.Endpoints start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            SERVER_SETTINGS.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4);
            kafka.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.destroy();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing to keep
                }
            }, "test-infrastructure-stop"));
            return new TestInfrastructure.Endpoints(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                    "postgres", kafka.getBrokersAsString(), "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Postgres", e);
        }
    }
}
