package dev.storemon.messages;

/**
 * Kafka topic names, one place for every service. {@code docs/events.md} says who produces and who consumes each.
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

    /**
     * Partitions of the topics with a fixed count. Every service that declares a topic uses these, so that whichever
     * starts first creates it the same way. (The task topic's count is a setting of its own: it bounds how many worker
     * threads share one report.)
     */
    public static final int REPORT_SHARD_COMPLETED_PARTITIONS = 4;

    /** Partitions of the dead-letter, report-completed, ingest-requests and data-ingested topics. */
    public static final int SINGLE_PARTITION = 1;

    private Topics() {
    }
}
