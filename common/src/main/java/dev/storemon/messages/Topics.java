package dev.storemon.messages;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Kafka topic names and partition counts, one place for every service. {@code docs/events.md} says who produces and
 * who consumes each. Every service declares every topic through {@link #all(int)} ({@link KafkaMessaging}), so that
 * whichever starts first creates each topic the same way.
 */
public final class Topics {

    /** {@link ReportShardRequested}: one message per shard of a report, produced by the gateway. */
    public static final String REPORT_TASKS = "storemon.report-tasks";

    /** Shard tasks that kept failing; the gateway fails their report. */
    public static final String REPORT_TASKS_DEAD_LETTER = "storemon.report-tasks.DLT";

    /** {@link ReportShardCompleted}: a worker stored one shard's rows. */
    public static final String REPORT_SHARD_COMPLETED = "storemon.report-shard-completed";

    /** {@link ReportCompleted}: the public event for third-party consumers. */
    public static final String REPORT_COMPLETED = "storemon.report-completed";

    /** {@link IngestRequested}: somebody asked for a reload now. */
    public static final String INGEST_REQUESTS = "storemon.ingest-requests";

    /** {@link DataIngested}: a load finished and produced a new data version. */
    public static final String DATA_INGESTED = "storemon.data-ingested";

    /** Partitions of {@link #REPORT_SHARD_COMPLETED}: gateways share the completion work. */
    static final int REPORT_SHARD_COMPLETED_PARTITIONS = 4;

    /** Partitions of the dead-letter, report-completed, ingest-requests and data-ingested topics: order matters more. */
    static final int SINGLE_PARTITION = 1;

    private Topics() {}

    /**
     * Every topic with its partition count.
     *
     * @param taskPartitions partitions of {@link #REPORT_TASKS} ({@code storemon.kafka.task-partitions}): the most worker
     *                       threads that can share one report
     * @return the topics, as {@code KafkaAdmin} creates them when missing
     */
    public static List<NewTopic> all(int taskPartitions) {
        return List.of(
                topic(REPORT_TASKS, taskPartitions),
                topic(REPORT_TASKS_DEAD_LETTER, SINGLE_PARTITION),
                topic(REPORT_SHARD_COMPLETED, REPORT_SHARD_COMPLETED_PARTITIONS),
                topic(REPORT_COMPLETED, SINGLE_PARTITION),
                topic(INGEST_REQUESTS, SINGLE_PARTITION),
                topic(DATA_INGESTED, SINGLE_PARTITION));
    }

    private static NewTopic topic(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).build();
    }
}
