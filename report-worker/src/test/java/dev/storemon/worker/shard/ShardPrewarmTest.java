package dev.storemon.worker.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.messages.ReportShardRequested;
import dev.storemon.messages.Topics;
import dev.storemon.shard.StoreBuckets;
import dev.storemon.testing.Dataset;
import dev.storemon.testing.TestKafka;
import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.ReportCsv;
import dev.storemon.worker.WorkerTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A data-ingested event warms a cold worker's shards (those of the task partitions it holds, for the configured
 * shard count), so that the next report's task is served from the cache, with the same figures as from Postgres.
 */
class ShardPrewarmTest extends WorkerTestBase {

    @Autowired
    ShardCache cache;

    @Autowired
    ShardComputer computer;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @BeforeEach
    void load() {
        loadDataset();
    }

    @Test
    void aDataIngestedEventWarmsTheShardsOfThisWorkersPartitions() {
        // The one worker of this test holds every task partition; its pre-warm group has joined (it reads from the
        // latest offset, so an event sent before would be missed).
        await().atMost(Duration.ofSeconds(60))
                .until(() -> listeners
                                        .getListenerContainer(ShardTaskListener.LISTENER_ID)
                                        .getAssignedPartitions()
                                        .size()
                                == 16
                        && !listeners
                                .getListenerContainer(ShardPrewarmer.LISTENER_ID)
                                .getAssignedPartitions()
                                .isEmpty());
        cache.clear();
        long loadedBefore = cache.count(ShardCache.Source.LOADED);

        TestKafka.send(
                Topics.DATA_INGESTED,
                0,
                "v" + Dataset.VERSION,
                "{\"data_version\":" + Dataset.VERSION + ",\"run_id\":1,\"finished_at\":\"2023-03-14T16:00:00Z\","
                        + "\"polls_loaded\":1,\"hours_loaded\":1,\"zones_loaded\":1,\"rows_rejected\":0}");

        // storemon.worker.prewarm-shards defaults to 16: one range per shard.
        await().atMost(Duration.ofSeconds(60)).until(() -> cache.ranges().size() == 16);
        assertThat(Set.copyOf(cache.ranges()))
                .isEqualTo(Set.copyOf(ShardPrewarmer.shardsOfPartitions(
                        Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), 16, 16)));
        assertThat(cache.count(ShardCache.Source.LOADED) - loadedBefore).isEqualTo(16);

        // The dataset's latest poll is after AS_OF by less than a day, so AS_OF's report is answered by the cache.
        long hitsBefore = cache.count(ShardCache.Source.HIT);
        UUID id = insertReport("RUNNING", Interpolation.NEAREST, 16);
        var task = new ReportShardRequested(id.toString(), 5, 16, AS_OF, Dataset.VERSION, "nearest");
        ShardComputer.Result result = computer.process(task);

        assertThat(result.outcome()).isEqualTo(ShardComputer.Outcome.STORED);
        assertThat(cache.count(ShardCache.Source.HIT)).isEqualTo(hitsBefore + 1);
        assertThat(cache.count(ShardCache.Source.LOADED) - loadedBefore).isEqualTo(16);
        String fromDatabase = ReportCsv.fragment(
                computer.computeFromDatabase(task, Interpolation.NEAREST, StoreBuckets.range(5, 16)));
        assertThat(jdbc.sql("select csv from report_shards where report_id = ? and shard = 5")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(fromDatabase)
                .isNotEmpty();
    }

    @Test
    void aWorkerWarmsTheShardsWhoseTasksGoToItsPartitions() {
        // Shard s goes to partition s mod 4: partitions {1, 3} of 4 take shards 1, 3, 5, 7, 9 of 10.
        List<StoreBuckets.Range> ranges = ShardPrewarmer.shardsOfPartitions(Set.of(1, 3), 4, 10);
        assertThat(ranges)
                .containsExactly(
                        StoreBuckets.range(1, 10),
                        StoreBuckets.range(3, 10),
                        StoreBuckets.range(5, 10),
                        StoreBuckets.range(7, 10),
                        StoreBuckets.range(9, 10));
        assertThat(ShardPrewarmer.shardsOfPartitions(Set.of(), 4, 10)).isEmpty();
    }
}
