package dev.storemon.worker.shard;

import dev.storemon.messages.DataIngested;
import dev.storemon.messages.Topics;
import dev.storemon.shard.StoreBuckets;
import dev.storemon.worker.WorkerProperties;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Warms this worker's shards when a load announces a new data version ({@code data-ingested}), so that the first
 * report on it finds them in {@link ShardCache} instead of reading Postgres: shards already cached are brought to the
 * new version (only its new polls are read); a worker with nothing cached yet (a cold start) loads the shards of the
 * task partitions it holds, for {@code storemon.worker.prewarm-shards}. Best effort: a failure is logged and the
 * report reads Postgres as before. Every worker receives every event: its own consumer group, starting at the latest
 * offset (a worker started after a load has nothing to warm for it; its first report loads the shards).
 */
@Component
class ShardPrewarmer {

    static final String LISTENER_ID = "shard-prewarm";

    private static final Logger log = LoggerFactory.getLogger(ShardPrewarmer.class);

    private final ShardCache cache;
    private final JdbcClient jdbc;
    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaTemplate<String, Object> kafka;
    private final int prewarmShards;
    private final int threads;

    ShardPrewarmer(
            ShardCache cache,
            JdbcClient jdbc,
            KafkaListenerEndpointRegistry listeners,
            KafkaTemplate<String, Object> kafka,
            WorkerProperties properties) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.listeners = listeners;
        this.kafka = kafka;
        this.prewarmShards = properties.prewarmShards();
        // Half the task threads: each load holds a connection, and the tasks of a report triggered meanwhile need
        // theirs (report-worker.yml sizes the pool for both).
        this.threads = Math.max(1, properties.concurrency() / 2);
    }

    @KafkaListener(
            id = LISTENER_ID,
            idIsGroup = false,
            topics = Topics.DATA_INGESTED,
            groupId = "${storemon.worker.group-id}-prewarm-${storemon.worker.id}",
            properties = "auto.offset.reset=latest",
            errorHandler = "prewarmFailures")
    void onDataIngested(DataIngested event) {
        if (!cache.enabled()) {
            return;
        }
        // The reports' default as_of: the cache then holds the week before it and a day more.
        Optional<Instant> latestPoll = jdbc.sql("select latest_poll_at from data_versions where version = ?")
                .param(event.dataVersion())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .optional()
                .flatMap(at -> at.map(OffsetDateTime::toInstant));
        if (latestPoll.isEmpty()) {
            return;
        }
        List<StoreBuckets.Range> ranges = cache.ranges();
        String which = "cached";
        if (ranges.isEmpty()) {
            ranges = shardsOfPartitions(assignedTaskPartitions(), taskPartitionCount(), prewarmShards);
            which = "of this worker's task partitions";
        }
        long started = System.nanoTime();
        // Several at once: the machine is otherwise idle right after a load; a report triggered meanwhile waits for
        // the shard it needs rather than reading it a second time.
        ExecutorService loaders = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Object>> loads = ranges.stream()
                    .map(range -> (Callable<Object>) () -> cache.get(range, event.dataVersion(), latestPoll.get()))
                    .toList();
            for (Future<Object> load : loaders.invokeAll(loads)) {
                load.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            throw new IllegalStateException("pre-warming data version " + event.dataVersion() + " failed", e);
        } finally {
            loaders.shutdownNow();
        }
        log.info(
                "data version {}: {} shards ({}) warmed in {} ms, {} MB cached",
                event.dataVersion(),
                ranges.size(),
                which,
                (System.nanoTime() - started) / 1_000_000,
                cache.bytes() / (1024 * 1024));
    }

    /** The shard ranges whose tasks go to {@code partitions}: shard {@code s} goes to {@code s mod partitionCount}. */
    static List<StoreBuckets.Range> shardsOfPartitions(Set<Integer> partitions, int partitionCount, int shardCount) {
        List<StoreBuckets.Range> ranges = new ArrayList<>();
        for (int shard = 0; shard < shardCount && partitionCount > 0; shard++) {
            if (partitions.contains(shard % partitionCount)) {
                ranges.add(StoreBuckets.range(shard, shardCount));
            }
        }
        return ranges;
    }

    private Set<Integer> assignedTaskPartitions() {
        MessageListenerContainer tasks = listeners.getListenerContainer(ShardTaskListener.LISTENER_ID);
        Collection<TopicPartition> assigned = tasks == null ? null : tasks.getAssignedPartitions();
        return assigned == null
                ? Set.of()
                : assigned.stream()
                        .filter(p -> p.topic().equals(Topics.REPORT_TASKS))
                        .map(TopicPartition::partition)
                        .collect(Collectors.toSet());
    }

    private int taskPartitionCount() {
        return kafka.partitionsFor(Topics.REPORT_TASKS).size();
    }
}
