package dev.storemon.worker.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storemon.shard.StoreBuckets;
import dev.storemon.testing.Dataset;
import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.StoreUptime;
import dev.storemon.uptime.StoreZones;
import dev.storemon.uptime.UptimeEngine;
import dev.storemon.uptime.WeeklySchedule;
import dev.storemon.worker.WorkerTestBase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a shard reads: exactly its stores, with the pinned schedule version, and of the pinned data version only the
 * polls in the week before as-of plus the last one before that week. The dataset has decoys for each: a later
 * schedule version, polls of a later data version, polls after as-of and long before the week.
 */
class ShardReaderTest extends WorkerTestBase {

    private static final int SHARDS = 3;

    @Autowired
    ShardReader reader;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void load() {
        loadDataset();
    }

    @Test
    void theScheduleVersionIsTheOnePinnedByTheDataVersion() {
        assertThat(reader.scheduleVersion(Dataset.VERSION)).isEqualTo(Dataset.SCHEDULE_VERSION);
        assertThatThrownBy(() -> reader.scheduleVersion(424242)).hasMessage("data version 424242 does not exist");
    }

    @Test
    void eachShardReadsExactlyItsStoresWithThePinnedSchedule() {
        Set<String> seen = new java.util.HashSet<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            StoreBuckets.Range range = StoreBuckets.range(shard, SHARDS);
            Map<Integer, ShardReader.Store> stores = reader.stores(range, Dataset.SCHEDULE_VERSION);

            Set<String> expected = DATA.stores.stream()
                    .map(Dataset.Store::id)
                    .filter(id -> inRange(id, range))
                    .collect(Collectors.toSet());
            assertThat(stores.values())
                    .extracting(ShardReader.Store::storeId)
                    .containsExactlyInAnyOrderElementsOf(expected);
            for (ShardReader.Store store : stores.values()) {
                Dataset.Store generated = generated(store.storeId());
                assertThat(store.zone()).isEqualTo(StoreZones.resolve(generated.zone()));
                assertThat(store.schedule())
                        .hasToString(WeeklySchedule.of(generated.hours()).toString());
            }
            seen.addAll(expected);
        }
        assertThat(seen).hasSize(DATA.stores.size());
    }

    @Test
    void pollsAreTheWeekBeforeAsOfAndTheLastOneBeforeItOfThePinnedVersionOnly() {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, List<Optional<StoreUptime>>> figures = new HashMap<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            StoreBuckets.Range range = StoreBuckets.range(shard, SHARDS);
            Map<Integer, ShardReader.Store> stores = reader.stores(range, Dataset.SCHEDULE_VERSION);
            transactions.executeWithoutResult(status -> reader.polls(range, Dataset.VERSION, AS_OF, (key, polls) -> {
                ShardReader.Store store = stores.get(key);
                assertThat(counts.put(store.storeId(), polls.size()))
                        .as("one series per store")
                        .isNull();
                figures.put(store.storeId(), figures(store.storeId(), polls));
            }));
        }

        Instant weekStart = AS_OF.minus(7, ChronoUnit.DAYS);
        for (Dataset.Store store : DATA.stores) {
            List<Instant> times = store.pollTimes();
            long inWeek = times.stream()
                    .filter(t -> !t.isBefore(weekStart) && !t.isAfter(AS_OF))
                    .count();
            boolean oneBefore = times.stream().anyMatch(t -> t.isBefore(weekStart));
            int expected = (int) inWeek + (oneBefore ? 1 : 0);
            if (expected == 0) {
                assertThat(counts)
                        .as("store %s has no poll to read", store.id())
                        .doesNotContainKey(store.id());
                continue;
            }
            assertThat(counts.get(store.id())).as("polls of %s", store.id()).isEqualTo(expected);
            PollSeries.Builder direct = PollSeries.builder();
            for (int p = 0; p < times.size(); p++) {
                direct.add(times.get(p), store.active().get(p));
            }
            assertThat(figures.get(store.id()))
                    .as("figures of %s", store.id())
                    .isEqualTo(figures(store.id(), direct.build()));
        }
        assertThat(counts)
                .as("the dataset has stores on both sides of the week")
                .hasSizeGreaterThan(50);
    }

    /** The engine's figures for the store under both interpolations: equal figures mean the same statuses were read. */
    private List<Optional<StoreUptime>> figures(String storeId, PollSeries polls) {
        Dataset.Store store = generated(storeId);
        WeeklySchedule schedule = WeeklySchedule.of(store.hours());
        return List.of(
                new UptimeEngine(AS_OF, Interpolation.NEAREST)
                        .compute(storeId, StoreZones.resolve(store.zone()), schedule, polls),
                new UptimeEngine(AS_OF, Interpolation.PREVIOUS)
                        .compute(storeId, StoreZones.resolve(store.zone()), schedule, polls));
    }

    private static Dataset.Store generated(String id) {
        return DATA.stores.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static boolean inRange(String storeId, StoreBuckets.Range range) {
        int bucket = StoreBuckets.of(storeId);
        return bucket >= range.fromInclusive() && bucket < range.toExclusive();
    }
}
