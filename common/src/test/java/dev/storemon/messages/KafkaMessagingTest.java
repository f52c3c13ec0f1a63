package dev.storemon.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The wire format of docs/events.md: plain snake_case JSON, no type headers, read back whatever fields it adds. */
class KafkaMessagingTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Serializer<Object> serializer = KafkaMessaging.serializer(json);

    @Test
    void recordsArePlainJsonWithoutTypeHeaders() {
        var headers = new RecordHeaders();
        var task = new ReportShardRequested(
                "0b6f0c1e-3f7a-4a53-9f55-0d1c2b3a4e5f",
                3,
                16,
                Instant.parse("2023-01-25T18:13:22.479220Z"),
                4,
                "nearest");

        byte[] value = serializer.serialize(Topics.REPORT_TASKS, headers, task);

        assertThat(new String(value, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"report_id\":"
                                + "\"0b6f0c1e-3f7a-4a53-9f55-0d1c2b3a4e5f\",\"shard\":3,\"shard_count\":16,"
                                + "\"as_of\":\"2023-01-25T18:13:22.479220Z\",\"data_version\":4,\"interpolation\":\"nearest\"}");
        assertThat(headers.toArray()).isEmpty();
        assertThat(json.readValue(value, ReportShardRequested.class)).isEqualTo(task);
    }

    @Test
    void bytesGoOutUnchangedAndAnythingElseIsRefused() {
        byte[] raw = "not json {".getBytes(StandardCharsets.UTF_8);
        assertThat(serializer.serialize(Topics.REPORT_TASKS_DEAD_LETTER, new RecordHeaders(), raw))
                .isEqualTo(raw);
        // A String would be written as a JSON string literal: hand-encoded JSON must not slip through.
        assertThatThrownBy(() -> serializer.serialize(Topics.REPORT_TASKS, new RecordHeaders(), "{\"shard\":1}"))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void consumersIgnoreFieldsTheyDoNotKnow() {
        String newer = "{\"report_id\":\"r\",\"shard\":2,\"store_count\":5,\"added_later\":{\"x\":1}}";
        assertThat(json.readValue(newer, ReportShardCompleted.class)).isEqualTo(new ReportShardCompleted("r", 2, 5));
    }

    @Test
    void everyTopicIsDeclaredOnceWithItsPartitions() {
        assertThat(Topics.all(16))
                .extracting(NewTopic::name)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(
                        Topics.REPORT_TASKS,
                        Topics.REPORT_TASKS_DEAD_LETTER,
                        Topics.REPORT_SHARD_COMPLETED,
                        Topics.REPORT_COMPLETED,
                        Topics.INGEST_REQUESTS,
                        Topics.DATA_INGESTED);
        assertThat(Topics.all(7))
                .filteredOn(t -> t.name().equals(Topics.REPORT_TASKS))
                .singleElement()
                .extracting(NewTopic::numPartitions)
                .isEqualTo(7);
        assertThat(Topics.all(7))
                .filteredOn(t -> t.name().equals(Topics.REPORT_SHARD_COMPLETED))
                .singleElement()
                .extracting(NewTopic::numPartitions)
                .isEqualTo(4);
    }
}
