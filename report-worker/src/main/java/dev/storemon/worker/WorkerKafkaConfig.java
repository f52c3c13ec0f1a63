package dev.storemon.worker;

import dev.storemon.messages.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaListenerErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The worker's Kafka error handling: the tasks' error handler (Boot puts it on the listener container factory), and
 * the pre-warm's, which only logs. A task that keeps failing is
 * retried a bounded number of times, then published unchanged (its bytes as they came) to
 * {@link Topics#REPORT_TASKS_DEAD_LETTER}, with the failure in the standard {@code kafka_dlt-*} headers and in
 * {@value #FAILURE_HEADER}. A task that cannot succeed goes there at once: unreadable JSON (spring-kafka's conversion
 * exceptions are never retried) or invalid ids and shard numbers ({@link IllegalArgumentException}).
 */
@Configuration(proxyBeanMethods = false)
class WorkerKafkaConfig {

    /** Header on dead-lettered tasks: the root cause's message, read by the gateway to fail the report. */
    static final String FAILURE_HEADER = "storemon_failure";

    private static final Logger log = LoggerFactory.getLogger(WorkerKafkaConfig.class);

    @Bean
    DefaultErrorHandler shardErrorHandler(
            KafkaTemplate<String, Object> kafka, WorkerProperties properties, TransientRetry transientRetry) {
        // Partition -1: let the producer choose, the dead-letter topic need not mirror the task topic's partitions.
        var recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(Topics.REPORT_TASKS_DEAD_LETTER, -1));
        // The standard kafka_dlt-exception-message wraps the cause in the listener's signature; this one is for people.
        recoverer.setHeadersFunction((record, failure) ->
                new RecordHeaders().add(FAILURE_HEADER, rootMessage(failure).getBytes(StandardCharsets.UTF_8)));
        var handler = new DefaultErrorHandler(
                recoverer, new FixedBackOff(properties.retryBackoff().toMillis(), properties.retries()));
        // A database or broker outage is waited out (minutes); other failures keep the short retry above.
        handler.setBackOffFunction((record, failure) ->
                TransientFailures.isTransient(failure) ? TransientFailures.backOff(transientRetry) : null);
        handler.addNotRetryableExceptions(IllegalArgumentException.class);
        handler.setRetryListeners((record, failure, attempt) -> log.warn(
                "shard retried: task {} (key {}), attempt {}" + " failed: {}",
                printable(record.value()),
                record.key(),
                attempt,
                rootMessage(failure)));
        return handler;
    }

    /**
     * A task's offset is committed without waiting for the broker's answer: the shard is stored and announced before
     * (a lost commit only means a redelivery, which finds the shard done), and each synchronous commit cost a round
     * trip per shard, ~16 of them in a report's critical path.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncCommits() {
        return container -> container.getContainerProperties().setSyncCommits(false);
    }

    /** Pre-warming is best effort: a data-ingested event that fails (or cannot be read) is logged, never retried. */
    @Bean
    KafkaListenerErrorHandler prewarmFailures() {
        return (message, failure) -> {
            log.warn("shard pre-warm skipped: {}", rootMessage(failure));
            return null;
        };
    }

    private static Object printable(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value;
    }

    static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getName();
    }
}
