package dev.storemon.worker.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.messages.Topics;
import dev.storemon.testing.Dataset;
import dev.storemon.testing.TestKafka;
import dev.storemon.uptime.Interpolation;
import dev.storemon.worker.WorkerTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker as the gateway and third parties see it, over the real broker: a task sent as plain JSON text (as any
 * producer could) comes back as rows, a done-mark and a plain-JSON {@code ReportShardCompleted}; a task that cannot
 * be read goes to the dead-letter topic unchanged and without retries.
 */
class ShardTaskListenerTest extends WorkerTestBase {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    @BeforeEach
    void load() {
        loadDataset();
    }

    @Test
    void aTaskBecomesRowsADoneMarkAndOneAnnouncement() {
        UUID id = insertReport("RUNNING", Interpolation.PREVIOUS, 2);
        String task = "{\"report_id\":\"" + id + "\",\"shard\":1,\"shard_count\":2,\"as_of\":\"" + AS_OF
                + "\",\"data_version\":" + Dataset.VERSION + ",\"interpolation\":\"previous\","
                + "\"a_field_from_a_later_version\":true}";

        TestKafka.send(Topics.REPORT_TASKS, 5, id + ":1", task);

        List<ConsumerRecord<String, String>> announced = await().atMost(Duration.ofSeconds(60))
                .until(() -> records(Topics.REPORT_SHARD_COMPLETED, id.toString()), r -> !r.isEmpty());
        assertThat(announced).hasSize(1);
        Map<String, Object> done = PLAIN.readValue(announced.get(0).value(), new TypeReference<>() {});
        long rows = rowCount(id, 1);
        assertThat(rows).isPositive();
        assertThat(done)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("report_id", id.toString(), "shard", 1, "store_count", (int) rows));
        assertThat(announced.get(0).headers().toArray()).as("no type headers").isEmpty();
        assertThat(jdbc.sql("select store_count from report_shards where report_id = ? and shard = 1")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(rows);
        assertThat(doneMarks(id)).isEqualTo(1);
    }

    @Test
    void tasksThatCanNeverSucceedGoToTheDeadLetterTopicAtOnceAndUnchanged() {
        // Retries are 5 minutes apart (WorkerTestBase): a dead letter within the wait was not retried.
        String unreadable = "unreadable-" + UUID.randomUUID();
        String notJson = "{\"report_id\": \"" + unreadable + "\", \"shard\": ";
        String badId = "bad-id-" + UUID.randomUUID();
        String invalid = "{\"report_id\":\"not-a-uuid\",\"shard\":0,\"shard_count\":1,\"as_of\":\"" + AS_OF
                + "\",\"data_version\":1,\"interpolation\":\"nearest\"}";

        TestKafka.send(Topics.REPORT_TASKS, 0, unreadable, notJson);
        TestKafka.send(Topics.REPORT_TASKS, 0, badId, invalid);

        ConsumerRecord<String, String> first = await().atMost(Duration.ofSeconds(60))
                .until(() -> records(Topics.REPORT_TASKS_DEAD_LETTER, unreadable), r -> !r.isEmpty())
                .get(0);
        ConsumerRecord<String, String> second = await().atMost(Duration.ofSeconds(60))
                .until(() -> records(Topics.REPORT_TASKS_DEAD_LETTER, badId), r -> !r.isEmpty())
                .get(0);
        assertThat(first.value()).isEqualTo(notJson);
        assertThat(failure(first)).isNotBlank();
        assertThat(second.value()).isEqualTo(invalid);
        assertThat(failure(second)).isEqualTo("Invalid UUID string: not-a-uuid");
        assertThat(records(Topics.REPORT_TASKS_DEAD_LETTER, unreadable)).hasSize(1);
        assertThat(records(Topics.REPORT_TASKS_DEAD_LETTER, badId)).hasSize(1);
    }

    private static String failure(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("storemon_failure");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> records(String topic, String keyPrefix) {
        return TestKafka.readAll(topic).stream()
                .filter(r -> r.key() != null && r.key().startsWith(keyPrefix))
                .toList();
    }
}
