package dev.storemon.worker;

import dev.storemon.messages.KafkaMessaging;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** A report worker: computes whole shards of reports from Kafka tasks. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(KafkaMessaging.class)
public class ReportWorkerApplication {

    /** Each service reads its own {@code report-worker.yml}, so that several services can share one JVM (standalone). */
    public static final String CONFIG_NAME = "report-worker";

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application with its configuration name set; standalone starts it the same way.
     *
     * @return a builder ready to run
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ReportWorkerApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
