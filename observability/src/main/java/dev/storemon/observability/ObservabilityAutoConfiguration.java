package dev.storemon.observability;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Registers the shared health components and gauges in every service that has this module (an auto-configuration, so
 * that no service has to scan this package). The data component and gauges only where
 * {@code storemon.observability.data-status=true}: the gateway and the ingest worker.
 */
@AutoConfiguration
public class ObservabilityAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaAdmin.class)
    static class Kafka {

        /** The bean name makes the component's name: {@code kafka}. */
        @Bean
        KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
            return new KafkaHealthIndicator(kafkaAdmin);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcClient.class)
    @ConditionalOnBooleanProperty("storemon.observability.data-status")
    static class Data {

        @Bean
        DataStatus storemonDataStatus(JdbcClient jdbc) {
            return new DataStatus(jdbc, Clock.systemUTC());
        }

        /** The bean name makes the component's name: {@code data}. */
        @Bean
        DataHealthIndicator dataHealthIndicator(DataStatus status) {
            return new DataHealthIndicator(status);
        }

        @Bean
        DataMetrics storemonDataMetrics(DataStatus status) {
            return new DataMetrics(status);
        }
    }
}
