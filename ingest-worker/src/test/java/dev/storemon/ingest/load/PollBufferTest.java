package dev.storemon.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Polls buffered in parts come out per store, ascending, one per instant, the inactive one where both were seen. */
class PollBufferTest {

    @Test
    void partsAreGroupedByStoreSortedAndDeduplicated() {
        Random random = new Random(3);
        List<PollBuffer> parts = List.of(new PollBuffer(), new PollBuffer(), new PollBuffer());
        // expected: per store, per instant, whether every poll at that instant was active
        TreeMap<String, TreeMap<Long, Boolean>> expected = new TreeMap<>();
        for (int i = 0; i < 20_000; i++) {
            String store = "s" + random.nextInt(300);
            long micros = (random.nextInt(500) - 100) * 1_000_000L; // some before 1970
            boolean active = random.nextBoolean();
            parts.get(random.nextInt(parts.size())).poll(store, micros, active);
            expected.computeIfAbsent(store, s -> new TreeMap<>()).merge(micros, active, Boolean::logicalAnd);
        }
        PollBuffer buffer = parts.get(0);
        buffer.addAll(parts.get(1));
        buffer.addAll(parts.get(2));

        assertThat(new TreeSet<>(buffer.storeIds())).isEqualTo(expected.keySet());
        assertThat(buffer.storeIds()).doesNotHaveDuplicates();
        for (String store : buffer.storeIds()) {
            PollBuffer.StorePolls polls = buffer.of(store);
            polls.sortUnique();
            List<String> actual = new ArrayList<>();
            for (int i = 0; i < polls.size(); i++) {
                long value = polls.get(i);
                actual.add(PollBuffer.StorePolls.micros(value) + " " + PollBuffer.StorePolls.active(value));
            }
            List<String> wanted = new ArrayList<>();
            expected.get(store).forEach((micros, active) -> wanted.add(micros + " " + active));
            assertThat(actual).as(store).isEqualTo(wanted);
        }
        assertThat(buffer.minMicros())
                .isEqualTo(expected.values().stream()
                        .mapToLong(TreeMap::firstKey)
                        .min()
                        .orElseThrow());
        assertThat(buffer.maxMicros())
                .isEqualTo(expected.values().stream()
                        .mapToLong(TreeMap::lastKey)
                        .max()
                        .orElseThrow());
        assertThat(buffer.of("unknown")).isNull();
    }
}
