package dev.storemon.worker.shard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.messages.ReportShardRequested;
import dev.storemon.testing.Dataset;
import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.StoreUptime;
import dev.storemon.worker.WorkerTestBase;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Computing and writing shards, called directly (no broker): the numbers, the idempotency, the dropped tasks. */
class ShardComputerTest extends WorkerTestBase {

    @Autowired
    ShardComputer computer;

    @Autowired
    ShardWriter writer;

    @BeforeEach
    void load() {
        loadDataset();
    }

    @Test
    void theShardsTogetherEqualTheEngineRunDirectly() {
        for (Interpolation interpolation : Interpolation.values()) {
            int shards = 5;
            UUID id = insertReport("RUNNING", interpolation, shards);
            int stores = 0;
            for (int shard = 0; shard < shards; shard++) {
                ShardComputer.Result result = computer.process(task(id, shard, shards, interpolation));
                assertThat(result.outcome()).isEqualTo(ShardComputer.Outcome.STORED);
                assertThat(rowCount(id, shard)).isEqualTo(result.storeCount());
                stores += result.storeCount();
            }

            String expected = DATA.expectedCsv(AS_OF, interpolation);
            assertThat(rowsAsCsv(id)).as(interpolation.wireName()).isEqualTo(expected);
            assertThat(stores).isEqualTo((int) expected.lines().count() - 1).isEqualTo(DATA.stores.size() - 1);
            assertThat(doneMarks(id)).isEqualTo(shards);
        }
    }

    @Test
    void aShardProcessedTwiceLeavesOneSetOfRowsAndTheFirstWorkersMark() {
        UUID id = insertReport("RUNNING", Interpolation.NEAREST, 3);
        ShardComputer.Result first = computer.process(task(id, 1, 3, Interpolation.NEAREST));
        String csv = rowsAsCsv(id);

        ShardComputer.Result again = computer.process(task(id, 1, 3, Interpolation.NEAREST));

        assertThat(first.outcome()).isEqualTo(ShardComputer.Outcome.STORED);
        assertThat(first.storeCount()).isPositive();
        assertThat(again).isEqualTo(new ShardComputer.Result(ShardComputer.Outcome.ALREADY_DONE, first.storeCount()));
        assertThat(rowCount(id, 1)).isEqualTo(first.storeCount());
        assertThat(rowsAsCsv(id)).isEqualTo(csv);
        assertThat(doneMarks(id)).isEqualTo(1);
    }

    @Test
    void aSecondWriteOfADoneShardWritesNothing() {
        UUID id = insertReport("RUNNING", Interpolation.NEAREST, 2);
        List<StoreUptime> rows = List.of(new StoreUptime("a", 60_000_000_000L, 0, 0, 0, 0, 0));
        List<StoreUptime> other =
                List.of(new StoreUptime("b", 0, 0, 0, 0, 0, 0), new StoreUptime("c", 0, 0, 0, 0, 0, 0));

        assertThat(writer.write(id, 0, "first", rows)).isTrue();
        assertThat(writer.write(id, 0, "second", other)).isFalse();

        assertThat(rowCount(id, 0)).isEqualTo(1);
        assertThat(jdbc.sql("select worker || ':' || store_count from report_shards where report_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("first:1");
        assertThat(doneMarks(id)).isEqualTo(1);
    }

    @Test
    void aTaskOfAnUnknownOrNoLongerRunningReportIsDropped() {
        UUID unknown = UUID.randomUUID();
        UUID failed = insertReport("FAILED", Interpolation.NEAREST, 2);
        UUID complete = insertReport("COMPLETE", Interpolation.NEAREST, 2);

        for (UUID id : List.of(unknown, failed, complete)) {
            assertThat(computer.process(task(id, 0, 2, Interpolation.NEAREST)))
                    .isEqualTo(new ShardComputer.Result(ShardComputer.Outcome.DROPPED, 0));
            assertThat(doneMarks(id)).isZero();
            assertThat(rowCount(id, 0)).isZero();
        }
    }

    private static ReportShardRequested task(UUID id, int shard, int shards, Interpolation interpolation) {
        return new ReportShardRequested(id.toString(), shard, shards, AS_OF, Dataset.VERSION, interpolation.wireName());
    }
}
