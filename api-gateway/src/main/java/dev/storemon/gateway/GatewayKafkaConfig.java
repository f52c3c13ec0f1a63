package dev.storemon.gateway;

import dev.storemon.messages.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics the gateway produces to or consumes, created at start when missing. docs/events.md describes them. */
@Configuration(proxyBeanMethods = false)
class GatewayKafkaConfig {

    @Bean
    NewTopic reportTasksTopic(GatewayProperties properties) {
        return TopicBuilder.name(Topics.REPORT_TASKS).partitions(properties.taskPartitions()).build();
    }

    @Bean
    NewTopic reportTasksDeadLetterTopic() {
        return TopicBuilder.name(Topics.REPORT_TASKS_DEAD_LETTER).partitions(Topics.SINGLE_PARTITION).build();
    }

    @Bean
    NewTopic reportShardCompletedTopic() {
        return TopicBuilder.name(Topics.REPORT_SHARD_COMPLETED)
                .partitions(Topics.REPORT_SHARD_COMPLETED_PARTITIONS)
                .build();
    }

    @Bean
    NewTopic reportCompletedTopic() {
        return TopicBuilder.name(Topics.REPORT_COMPLETED).partitions(Topics.SINGLE_PARTITION).build();
    }

    @Bean
    NewTopic ingestRequestsTopic() {
        return TopicBuilder.name(Topics.INGEST_REQUESTS).partitions(Topics.SINGLE_PARTITION).build();
    }
}
