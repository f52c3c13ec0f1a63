package dev.storemon.ingest.load;

import dev.storemon.ingest.source.PollFileReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Holds the parsed polls in memory so that Java (not Postgres) sorts and de-duplicates them once their store keys are
 * known. A poll is one {@code long}: {@code epochMicros * 2 + (active ? 1 : 0)}, which sorts by time and, at the same
 * instant, inactive first (the rule: of polls repeated at one instant, the inactive one wins).
 *
 * <p>Polls are appended to two flat arrays (the value, the store's index) in file order, and grouped by store once,
 * by a counting sort, when {@link #of} is first asked: no array per store grows while a million lines are parsed, so
 * the young collections have little to copy (measured: a third of a cold parse went to per-store arrays).
 */
final class PollBuffer implements PollFileReader.Sink {

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> storeIds = new ArrayList<>();
    private long[] values;
    private int[] stores;
    private int size;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros = Long.MIN_VALUE;

    private final List<Part> parts = new ArrayList<>();

    /** After grouping: store s's polls are {@code values[start[s], start[s] + count[s])}. */
    private int[] start;

    private int[] count;

    PollBuffer() {
        this(1 << 16);
    }

    private PollBuffer(int capacity) {
        values = new long[capacity];
        stores = new int[capacity];
    }

    /**
     * A buffer sized for the polls of a part of the poll file this long, so that it rarely grows while the part is
     * parsed: growing copies the arrays and, in the middle of a compiled parse loop, takes a branch the JIT had never
     * seen taken (a deoptimization, then a recompilation). Real lines are 55 to 60 bytes.
     */
    static PollBuffer forBytes(long bytes) {
        return new PollBuffer((int) Math.min(Math.max(bytes / 50, 1 << 16), 1 << 28));
    }

    @Override
    public void poll(String storeId, long epochMicros, boolean active) {
        Integer store = index.get(storeId);
        if (store == null) {
            store = storeIds.size();
            index.put(storeId, store);
            storeIds.add(storeId);
        }
        add(store, epochMicros * 2 + (active ? 1 : 0));
        minMicros = Math.min(minMicros, epochMicros);
        maxMicros = Math.max(maxMicros, epochMicros);
    }

    private void add(int store, long value) {
        if (stores == null) {
            throw new IllegalStateException("polls are added before they are read");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            stores = Arrays.copyOf(stores, size * 2);
        }
        values[size] = value;
        stores[size] = store;
        size++;
    }

    /**
     * Adds the polls of another buffer (a part of the file parsed on another thread), after this one's: the order
     * within a store does not matter, {@link StorePolls#sortUnique()} sorts them. Its arrays are not copied: they are
     * read when the polls are grouped.
     */
    void addAll(PollBuffer part) {
        if (stores == null) {
            throw new IllegalStateException("polls are added before they are read");
        }
        int[] mapped = new int[part.storeIds.size()];
        for (int s = 0; s < mapped.length; s++) {
            String storeId = part.storeIds.get(s);
            Integer mine = index.get(storeId);
            if (mine == null) {
                mine = storeIds.size();
                index.put(storeId, mine);
                storeIds.add(storeId);
            }
            mapped[s] = mine;
        }
        parts.add(new Part(part, mapped));
        start = null;
        minMicros = Math.min(minMicros, part.minMicros);
        maxMicros = Math.max(maxMicros, part.maxMicros);
    }

    /** A buffer added to this one, with its store indexes mapped to this one's. */
    private record Part(PollBuffer polls, int[] storeIndex) {}

    /** @return the ids of the stores with at least one poll */
    List<String> storeIds() {
        return storeIds;
    }

    /** @return the store's polls, or null */
    StorePolls of(String storeId) {
        Integer store = index.get(storeId);
        if (store == null) {
            return null;
        }
        if (start == null) {
            group();
        }
        return new StorePolls(store);
    }

    /** @return the earliest poll, or {@code Long.MAX_VALUE} */
    long minMicros() {
        return minMicros;
    }

    /** @return the latest poll, or {@code Long.MIN_VALUE} */
    long maxMicros() {
        return maxMicros;
    }

    /** Puts each store's polls next to each other (a stable counting sort by store index), this buffer's first. */
    private void group() {
        int storeCount = storeIds.size();
        count = new int[storeCount];
        int total = size;
        for (int i = 0; i < size; i++) {
            count[stores[i]]++;
        }
        for (Part part : parts) {
            for (int i = 0; i < part.polls.size; i++) {
                count[part.storeIndex[part.polls.stores[i]]]++;
            }
            total += part.polls.size;
        }
        start = new int[storeCount];
        for (int s = 1; s < storeCount; s++) {
            start[s] = start[s - 1] + count[s - 1];
        }
        int[] next = start.clone();
        long[] grouped = new long[total];
        for (int i = 0; i < size; i++) {
            grouped[next[stores[i]]++] = values[i];
        }
        for (Part part : parts) {
            for (int i = 0; i < part.polls.size; i++) {
                grouped[next[part.storeIndex[part.polls.stores[i]]]++] = part.polls.values[i];
            }
        }
        values = grouped;
        size = total;
        stores = null; // no longer needed: the polls are grouped for good
        parts.clear();
    }

    /** One store's polls as encoded longs; {@link #sortUnique()} makes them ascending and one per instant. */
    final class StorePolls {

        private final int store;

        private StorePolls(int store) {
            this.store = store;
        }

        /** Sorts, then keeps the first (the inactive one) of the polls at each instant. */
        void sortUnique() {
            int from = start[store];
            int to = from + count[store];
            Arrays.sort(values, from, to);
            int kept = from;
            for (int i = from; i < to; i++) {
                if (kept == from || (values[i] >> 1) != (values[kept - 1] >> 1)) {
                    values[kept++] = values[i];
                }
            }
            count[store] = kept - from;
        }

        int size() {
            return count[store];
        }

        static long micros(long value) {
            return value >> 1; // arithmetic shift: floor division, right for instants before 1970 too
        }

        static boolean active(long value) {
            return (value & 1) == 1;
        }

        long get(int i) {
            return values[start[store] + i];
        }
    }
}
