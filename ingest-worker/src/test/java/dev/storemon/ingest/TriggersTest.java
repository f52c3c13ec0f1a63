package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.ingest.run.RunCoordinator;
import dev.storemon.ingest.run.RunResult;
import dev.storemon.ingest.run.Trigger;
import dev.storemon.messages.Topics;
import dev.storemon.testing.TestInfrastructure;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.core.type.TypeReference;

class TriggersTest extends IngestTestSupport {

    @Autowired
    RunCoordinator coordinator;

    @Test
    void anIngestRequestOnKafkaTriggersARunThatPublishesDataIngested() throws Exception {
        write(
                "store_status.csv",
                "store_id,status,timestamp_utc",
                "s1,active,2023-01-22 10:00:00 UTC",
                "s2,active,2023-01-22 10:00:00 UTC");
        String bootstrap = TestInfrastructure.endpoints().bootstrapServers();
        try (KafkaConsumer<String, String> events = consumer(bootstrap);
                KafkaProducer<String, String> producer = producer(bootstrap)) {
            // only events published from now on: run ids restart with each test's empty database
            TopicPartition partition = new TopicPartition(Topics.DATA_INGESTED, 0);
            events.assign(List.of(partition));
            events.seekToEnd(List.of(partition));
            events.position(partition);
            String requestId = UUID.randomUUID().toString();
            producer.send(new ProducerRecord<>(
                            Topics.INGEST_REQUESTS,
                            requestId,
                            "{\"request_id\":\"" + requestId + "\",\"requested_at\":\"2023-01-25T12:00:00Z\"}"))
                    .get();

            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            count("select count(*) from ingest_runs where trigger = 'request' and status = 'SUCCEEDED'")
                                    == 1);
            long runId = jdbc.sql("select id from ingest_runs where trigger = 'request'")
                    .query(Long.class)
                    .single();

            List<Map<String, Object>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : events.poll(Duration.ofMillis(200))) {
                    received.add(json.readValue(record.value(), new TypeReference<Map<String, Object>>() {}));
                }
                return received.stream().anyMatch(e -> ((Number) e.get("run_id")).longValue() == runId);
            });
            Map<String, Object> event = received.stream()
                    .filter(e -> ((Number) e.get("run_id")).longValue() == runId)
                    .findFirst()
                    .orElseThrow();
            assertThat(event)
                    .containsEntry("data_version", 1)
                    .containsEntry("polls_loaded", 2)
                    .containsEntry("hours_loaded", 0)
                    .containsEntry("zones_loaded", 0)
                    .containsEntry("rows_rejected", 0)
                    .containsKey("finished_at");
            // Published from the outbox: a stable id to de-duplicate on (docs/events.md).
            assertThat(UUID.fromString((String) event.get("event_id"))).isNotNull();
        }
    }

    @Test
    void aRunThatChangedNothingPublishesNoDataIngested() {
        write("store_status.csv", "store_id,status,timestamp_utc", "s1,active,2023-01-22 10:00:00 UTC");
        String bootstrap = TestInfrastructure.endpoints().bootstrapServers();
        try (KafkaConsumer<String, String> events = consumer(bootstrap)) {
            TopicPartition partition = new TopicPartition(Topics.DATA_INGESTED, 0);
            events.assign(List.of(partition));
            events.seekToEnd(List.of(partition));
            events.position(partition);
            long first = runOk().runId();
            long unchanged = runOk().runId();
            append("store_status.csv", "s1,active,2023-01-22 11:00:00 UTC");
            long third = runOk().runId();

            // one producer, one partition: the events arrive in the order of the runs
            List<Long> runIds = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : events.poll(Duration.ofMillis(200))) {
                    runIds.add(((Number) json.readValue(record.value(), new TypeReference<Map<String, Object>>() {})
                                    .get("run_id"))
                            .longValue());
                }
                return runIds.contains(third);
            });
            assertThat(runIds).containsExactly(first, third).doesNotContain(unchanged);
        }
    }

    @Test
    void twoConcurrentRunsNeverOverlap() throws Exception {
        write("store_status.csv", "store_id,status,timestamp_utc", "s1,active,2023-01-22 10:00:00 UTC");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<RunResult>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return runner.run(Trigger.MANUAL);
            }));
        }
        go.countDown();
        for (CompletableFuture<RunResult> run : runs) {
            assertThat(run.get().succeeded()).isTrue();
        }
        // the first run loads version 1; the two others find nothing changed and keep it
        assertThat(jdbc.sql("select version from data_versions order by 1")
                        .query(Long.class)
                        .list())
                .containsExactly(1L);
        assertThat(jdbc.sql("select status || ' ' || data_version from ingest_runs")
                        .query(String.class)
                        .list())
                .containsExactly("SUCCEEDED 1", "SUCCEEDED 1", "SUCCEEDED 1");
        assertNoOverlap();
        assertThat(count("select count(*) from polls")).isEqualTo(1);
    }

    @Test
    void requestsDuringARunQueueOneMoreRunAndAreNeverLost() {
        write("store_status.csv", "store_id,status,timestamp_utc", "s1,active,2023-01-22 10:00:00 UTC");
        for (int i = 0; i < 5; i++) {
            coordinator.request(Trigger.REQUEST);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from ingest_runs where status = 'RUNNING'") == 0
                        && count("select count(*) from ingest_runs") >= 1);
        // a request after the burst is served by a run that starts after it
        OffsetDateTime asked =
                jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
        coordinator.request(Trigger.REQUEST);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from ingest_runs where status = 'SUCCEEDED' and started_at > :t")
                                .param("t", asked)
                                .query(Long.class)
                                .single()
                        >= 1);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> count("select count(*) from ingest_runs where status = 'RUNNING'") == 0);
        assertThat(count("select count(*) from ingest_runs")).isBetween(2L, 3L);
        assertNoOverlap();
    }

    private void assertNoOverlap() {
        assertThat(count("""
                select count(*) from ingest_runs a join ingest_runs b on a.id < b.id
                where a.started_at < b.finished_at and b.started_at < a.finished_at""")).isZero();
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "triggers-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(p);
    }
}
