package dev.storemon.ingest.load;

import dev.storemon.ingest.source.PollFileReader;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Holds the parsed polls in memory, per store, so that Java (not Postgres) sorts and de-duplicates them once their
 * store keys are known. A poll is one {@code long}: {@code epochMicros * 2 + (active ? 1 : 0)}, which sorts by time and,
 * at the same instant, inactive first (the rule: of polls repeated at one instant, the inactive one wins).
 */
final class PollBuffer implements PollFileReader.Sink {

    private final Map<String, StorePolls> stores = new HashMap<>();
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros = Long.MIN_VALUE;

    @Override
    public void poll(String storeId, long epochMicros, boolean active) {
        stores.computeIfAbsent(storeId, id -> new StorePolls()).add(epochMicros * 2 + (active ? 1 : 0));
        minMicros = Math.min(minMicros, epochMicros);
        maxMicros = Math.max(maxMicros, epochMicros);
    }

    /**
     * Adds the polls of another buffer (a part of the file parsed on another thread), after this one's: the order
     * within a store does not matter, {@link StorePolls#sortUnique()} sorts them.
     */
    void addAll(PollBuffer part) {
        part.stores.forEach((storeId, polls) -> {
            StorePolls mine = stores.get(storeId);
            if (mine == null) {
                stores.put(storeId, polls);
            } else {
                mine.addAll(polls);
            }
        });
        minMicros = Math.min(minMicros, part.minMicros);
        maxMicros = Math.max(maxMicros, part.maxMicros);
    }

    /** @return the ids of the stores with at least one poll */
    Set<String> storeIds() {
        return stores.keySet();
    }

    /** @return the store's polls, or null */
    StorePolls of(String storeId) {
        return stores.get(storeId);
    }

    /** @return the earliest poll, or {@code Long.MAX_VALUE} */
    long minMicros() {
        return minMicros;
    }

    /** @return the latest poll, or {@code Long.MIN_VALUE} */
    long maxMicros() {
        return maxMicros;
    }

    /** One store's polls as encoded longs; {@link #sortUnique()} makes them ascending and one per instant. */
    static final class StorePolls {

        private long[] values = new long[16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(StorePolls other) {
            if (size + other.size > values.length) {
                values = Arrays.copyOf(values, Math.max(size + other.size, size * 2));
            }
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
        }

        /** Sorts, then keeps the first (the inactive one) of the polls at each instant. */
        void sortUnique() {
            Arrays.sort(values, 0, size);
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (kept == 0 || (values[i] >> 1) != (values[kept - 1] >> 1)) {
                    values[kept++] = values[i];
                }
            }
            size = kept;
        }

        int size() {
            return size;
        }

        static long micros(long value) {
            return value >> 1; // arithmetic shift: floor division, right for instants before 1970 too
        }

        static boolean active(long value) {
            return (value & 1) == 1;
        }

        long get(int i) {
            return values[i];
        }
    }
}
