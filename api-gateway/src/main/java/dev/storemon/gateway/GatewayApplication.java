package dev.storemon.gateway;

import dev.storemon.messages.KafkaMessaging;
import dev.storemon.outbox.OutboxConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The HTTP API: records reports, publishes shard tasks, assembles the final CSV. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({KafkaMessaging.class, OutboxConfiguration.class})
@EnableScheduling
public class GatewayApplication {

    /** Each service reads its own {@code api-gateway.yml}, so that several services can share one JVM (standalone). */
    public static final String CONFIG_NAME = "api-gateway";

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * The application with its configuration name set; standalone starts it the same way.
     *
     * @return a builder ready to run
     */
    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(GatewayApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
