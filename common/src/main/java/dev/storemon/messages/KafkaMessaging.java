package dev.storemon.messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.support.converter.ByteArrayJacksonJsonMessageConverter;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka wiring every service imports, so that all of them write, read and declare topics the same way.
 *
 * <ul>
 * <li>Values are the plain JSON of the message records, without type headers, written and read with the service's one
 * {@link JsonMapper} bean (Boot's, {@code spring.jackson.*}). Producers send the records themselves through
 * {@code KafkaTemplate<String, Object>}; a value of any other type fails the send, so nobody encodes JSON by hand.
 * The one exception is {@code byte[]}: bytes already on the wire, which only the dead-letter recoverer sends (a
 * failed task goes to the DLT exactly as it came).</li>
 * <li>Consumers receive the value's bytes ({@link ByteArrayDeserializer}, which cannot fail, so no record can block a
 * partition before the listener sees it), and spring-kafka's message conversion turns them into the type of the
 * {@code @KafkaListener} method's parameter. JSON that does not fit that type raises a conversion exception, which
 * the container's {@code DefaultErrorHandler} never retries.</li>
 * <li>{@link Topics#all(int)} declares every topic in every service.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
public class KafkaMessaging {

    /** The records that travel as JSON. */
    static final List<Class<?>> MESSAGES = List.of(
            ReportShardRequested.class,
            ReportShardCompleted.class,
            ReportCompleted.class,
            IngestRequested.class,
            DataIngested.class);

    @Bean
    KafkaAdmin.NewTopics storemonTopics(TopicProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.all(properties.taskPartitions()).toArray(NewTopic[]::new));
    }

    @Bean
    RecordMessageConverter kafkaMessageConverter(JsonMapper json) {
        return new ByteArrayJacksonJsonMessageConverter(json);
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer messageBytes() {
        return factory -> factory.updateConfigs(Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer messageJson(JsonMapper json) {
        return factory -> {
            @SuppressWarnings("unchecked")
            var typed = (DefaultKafkaProducerFactory<String, Object>) factory;
            typed.setKeySerializer(new StringSerializer());
            typed.setValueSerializer(serializer(json));
        };
    }

    /**
     * The value serializer of every producer.
     *
     * @param json the service's mapper
     * @return JSON for the message records, bytes unchanged, an error for anything else
     */
    static Serializer<Object> serializer(JsonMapper json) {
        Serializer<Object> asJson = new JacksonJsonSerializer<>(json).noTypeInfo();
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        MESSAGES.forEach(type -> byType.put(type, asJson));
        byType.put(byte[].class, new ByteArraySerializer());
        return new DelegatingByTypeSerializer(byType);
    }
}
