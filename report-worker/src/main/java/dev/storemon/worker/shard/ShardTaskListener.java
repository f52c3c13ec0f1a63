package dev.storemon.worker.shard;

import dev.storemon.messages.ReportShardCompleted;
import dev.storemon.messages.ReportShardRequested;
import dev.storemon.messages.Topics;
import dev.storemon.observability.LogFields;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes shard tasks from {@link Topics#REPORT_TASKS}. The shard is stored (rows and done-mark in one transaction)
 * before {@link ReportShardCompleted} is announced, and the task's offset is committed only after this method returns;
 * a failure is retried by the container's error handler and finally sent to the dead-letter topic.
 */
@Component
class ShardTaskListener {

    /** Names the task consumers' container, whose partitions {@link ShardPrewarmer} warms the shards of. */
    static final String LISTENER_ID = "shard-tasks";

    private final ShardComputer computer;
    private final KafkaTemplate<String, Object> kafka;
    private final ShardMetrics metrics;

    ShardTaskListener(ShardComputer computer, KafkaTemplate<String, Object> kafka, ShardMetrics metrics) {
        this.computer = computer;
        this.kafka = kafka;
        this.metrics = metrics;
    }

    @KafkaListener(
            id = LISTENER_ID,
            idIsGroup = false,
            topics = Topics.REPORT_TASKS,
            groupId = "${storemon.worker.group-id}",
            concurrency = "${storemon.worker.concurrency}")
    void onTask(ReportShardRequested task) throws ExecutionException, InterruptedException, TimeoutException {
        try (LogFields.Scope report = LogFields.put(LogFields.REPORT_ID, task.reportId());
                LogFields.Scope shard = LogFields.put(LogFields.SHARD, task.shard())) {
            compute(task);
        }
    }

    private void compute(ReportShardRequested task) throws ExecutionException, InterruptedException, TimeoutException {
        ShardComputer.Result result = metrics.timed(() -> computer.process(task));
        if (result.outcome() == ShardComputer.Outcome.DROPPED) {
            return;
        }
        // Announced again for a shard that was already done: the gateway may have missed the first announcement.
        ReportShardCompleted done = new ReportShardCompleted(task.reportId(), task.shard(), result.storeCount());
        kafka.send(Topics.REPORT_SHARD_COMPLETED, task.reportId(), done).get(30, TimeUnit.SECONDS);
    }
}
