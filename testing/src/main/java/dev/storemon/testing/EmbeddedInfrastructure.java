package dev.storemon.testing;

import dev.storemon.db.PostgresSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Postgres server started from bundled binaries, and a real KRaft broker inside this JVM. */
final class EmbeddedInfrastructure {

    private EmbeddedInfrastructure() {}

    static TestInfrastructure.Endpoints start() {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            // Tests and benchmarks run on what production is told to run.
            PostgresSettings.RECOMMENDED.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 4);
            kafka.afterPropertiesSet();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                kafka.destroy();
                                try {
                                    postgres.close();
                                } catch (IOException ignored) {
                                    // the JVM is going away; nothing to keep
                                }
                            },
                            "test-infrastructure-stop"));
            return new TestInfrastructure.Endpoints(
                    postgres.getJdbcUrl("postgres", "postgres"),
                    "postgres",
                    "postgres",
                    kafka.getBrokersAsString(),
                    "embedded");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded Postgres", e);
        }
    }
}
