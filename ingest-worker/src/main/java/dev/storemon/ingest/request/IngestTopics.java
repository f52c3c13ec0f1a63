package dev.storemon.ingest.request;

import dev.storemon.messages.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this worker reads and writes, created on start when missing. Order does not matter: one partition. */
@Configuration(proxyBeanMethods = false)
class IngestTopics {

    @Bean
    NewTopic ingestRequestsTopic() {
        return TopicBuilder.name(Topics.INGEST_REQUESTS).partitions(Topics.SINGLE_PARTITION).build();
    }

    @Bean
    NewTopic dataIngestedTopic() {
        return TopicBuilder.name(Topics.DATA_INGESTED).partitions(Topics.SINGLE_PARTITION).build();
    }
}
