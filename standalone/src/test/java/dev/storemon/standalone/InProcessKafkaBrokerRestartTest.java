package dev.storemon.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** infra's broker on a kept log directory ({@code storemon.embedded.data-dir}): a restart loses nothing. */
class InProcessKafkaBrokerRestartTest {

    private static final String TOPIC = "kept";
    private static final String GROUP = "keeper";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 1);

    @Test
    void aRestartOnTheSameLogDirectoryKeepsClusterTopicsMessagesAndCommittedOffsets(@TempDir Path logDir)
            throws Exception {
        String clusterId;
        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(0, logDir);
                Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, 1, "k", "first")).get(30, TimeUnit.SECONDS);
                producer.send(new ProducerRecord<>(TOPIC, 1, "k", "second")).get(30, TimeUnit.SECONDS);
            }
            admin.alterConsumerGroupOffsets(GROUP, Map.of(PARTITION, new OffsetAndMetadata(1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            clusterId = admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
        }

        try (InProcessKafkaBroker broker = InProcessKafkaBroker.start(0, logDir);
                Admin admin = admin(broker)) {
            assertThat(admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS))
                    .isEqualTo(clusterId);
            assertThat(admin.describeTopics(List.of(TOPIC))
                            .allTopicNames()
                            .get(30, TimeUnit.SECONDS)
                            .get(TOPIC)
                            .partitions())
                    .hasSize(3);
            assertThat(admin.listConsumerGroupOffsets(GROUP)
                            .partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS))
                    .containsEntry(PARTITION, new OffsetAndMetadata(1));
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                    Map.of(
                            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.bootstrapServers(),
                            ConsumerConfig.GROUP_ID_CONFIG,
                            GROUP),
                    new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.assign(List.of(PARTITION)); // resumes at the committed offset: only the second message
                List<String> received = new ArrayList<>();
                await().atMost(Duration.ofMinutes(1)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(record.value()));
                    return !received.isEmpty();
                });
                assertThat(received).containsExactly("second");
            }
        }
        assertThat(logDir.resolve("meta.properties")).exists();
    }

    private static Admin admin(InProcessKafkaBroker broker) {
        return Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
    }
}
