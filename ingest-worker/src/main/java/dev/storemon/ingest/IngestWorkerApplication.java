package dev.storemon.ingest;

import dev.storemon.messages.KafkaMessaging;
import dev.storemon.outbox.OutboxConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The ingest worker: loads the CSV sources into Postgres on start, hourly and on demand. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({KafkaMessaging.class, OutboxConfiguration.class})
@EnableScheduling
public class IngestWorkerApplication {

    /** Each service reads its own {@code ingest-worker.yml}, so that several services can share one JVM (standalone). */
    public static final String CONFIG_NAME = "ingest-worker";

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application with its configuration name set; standalone starts it the same way.
     *
     * @return a builder ready to run
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(IngestWorkerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
