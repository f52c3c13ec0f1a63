package dev.storemon.worker.shard;

import dev.storemon.uptime.PollSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shard's polls of one data version, compact and immutable: per store a sorted array of epoch microseconds and a
 * bit set of statuses (about 8 bytes a poll instead of an object per poll). It holds every poll at or after
 * {@link #fromMicros()} and, before them, each store's last poll before it (its anchor), so that it answers exactly
 * what {@link ShardReader#polls} would read for any as_of whose week starts at or after {@code fromMicros}.
 */
final class ShardPolls {

    static final long WEEK_MICROS = 7L * 24 * 3600 * 1_000_000;

    private final long fromMicros;
    private final int[] storeKeys;
    private final long[][] micros;
    private final long[][] activeBits;
    private final Map<Integer, Integer> indexOfKey;

    private ShardPolls(long fromMicros, int[] storeKeys, long[][] micros, long[][] activeBits) {
        this.fromMicros = fromMicros;
        this.storeKeys = storeKeys;
        this.micros = micros;
        this.activeBits = activeBits;
        this.indexOfKey = new HashMap<>(storeKeys.length * 2);
        for (int i = 0; i < storeKeys.length; i++) {
            indexOfKey.put(storeKeys[i], i);
        }
    }

    /** The earliest week start these polls can answer for, in epoch microseconds. */
    long fromMicros() {
        return fromMicros;
    }

    boolean covers(long asOfMicros) {
        return asOfMicros - WEEK_MICROS >= fromMicros;
    }

    boolean hasStore(int storeKey) {
        return indexOfKey.containsKey(storeKey);
    }

    int[] storeKeys() {
        return storeKeys.clone();
    }

    /**
     * Hands each store the polls the database query would give for {@code asOfMicros}: its last poll before the week,
     * then the polls of {@code [asOf - 7 days, asOf]}; stores with none are skipped, as the query skips them.
     */
    void forEachStore(long asOfMicros, PollSeries.Builder builder, ShardReader.PollConsumer consumer) {
        if (!covers(asOfMicros)) {
            throw new IllegalArgumentException("as_of is before the loaded range");
        }
        long weekStart = asOfMicros - WEEK_MICROS;
        for (int s = 0; s < storeKeys.length; s++) {
            long[] times = micros[s];
            int lo = firstAtOrAfter(times, weekStart);
            int start = lo > 0 ? lo - 1 : 0;
            int end = firstAfter(times, asOfMicros);
            if (end <= start) {
                continue;
            }
            builder.reset();
            long[] bits = activeBits[s];
            for (int i = start; i < end; i++) {
                builder.addEpochMicros(times[i], (bits[i >>> 6] & (1L << i)) != 0);
            }
            consumer.accept(storeKeys[s], builder.build());
        }
    }

    /**
     * These polls with those of later versions added. {@code rows} come in store order, time order within a store;
     * a row before {@code fromMicros} only replaces the store's anchor when it is later than it.
     */
    ShardPolls extendedWith(Rows rows) {
        List<Integer> keys = new ArrayList<>();
        List<long[]> newMicros = new ArrayList<>();
        List<long[]> newBits = new ArrayList<>();
        for (int i = 0; i < storeKeys.length; i++) {
            keys.add(storeKeys[i]);
            newMicros.add(micros[i]);
            newBits.add(activeBits[i]);
        }
        rows.forEachStore((key, times, active, count) -> {
            Integer at = indexOfKey.get(key);
            long[] oldTimes = at == null ? new long[0] : micros[at];
            long[] oldBits = at == null ? new long[0] : activeBits[at];
            Merged merged = merge(oldTimes, oldBits, times, active, count);
            if (at == null) {
                keys.add(key);
                newMicros.add(merged.times);
                newBits.add(merged.bits);
            } else {
                newMicros.set(at, merged.times);
                newBits.set(at, merged.bits);
            }
        });
        return new ShardPolls(
                fromMicros,
                keys.stream().mapToInt(Integer::intValue).toArray(),
                newMicros.toArray(long[][]::new),
                newBits.toArray(long[][]::new));
    }

    private record Merged(long[] times, long[] bits) {}

    private Merged merge(long[] oldTimes, long[] oldBits, long[] addTimes, boolean[] addActive, int addCount) {
        // The store's anchor (last poll before fromMicros): the latest of the old anchor and the new early polls.
        int oldAnchor = oldTimes.length > 0 && oldTimes[0] < fromMicros ? 1 : 0;
        int addFirst = 0;
        while (addFirst < addCount && addTimes[addFirst] < fromMicros) {
            addFirst++;
        }
        boolean anchorFromNew = addFirst > 0 && (oldAnchor == 0 || addTimes[addFirst - 1] > oldTimes[0]);
        boolean hasAnchor = anchorFromNew || oldAnchor == 1;
        int size = (hasAnchor ? 1 : 0) + (oldTimes.length - oldAnchor) + (addCount - addFirst);
        long[] times = new long[size];
        long[] bits = new long[(size + 63) >>> 6];
        int n = 0;
        if (anchorFromNew) {
            times[0] = addTimes[addFirst - 1];
            set(bits, 0, addActive[addFirst - 1]);
            n = 1;
        } else if (hasAnchor) {
            times[0] = oldTimes[0];
            set(bits, 0, isSet(oldBits, 0));
            n = 1;
        }
        int i = oldAnchor;
        int j = addFirst;
        while (i < oldTimes.length || j < addCount) {
            // Polls are unique per (store, instant) in the database, so the two sides never hold the same instant.
            if (j >= addCount || (i < oldTimes.length && oldTimes[i] < addTimes[j])) {
                times[n] = oldTimes[i];
                set(bits, n, isSet(oldBits, i));
                i++;
            } else {
                times[n] = addTimes[j];
                set(bits, n, addActive[j]);
                j++;
            }
            n++;
        }
        return new Merged(times, bits);
    }

    /** Approximate heap size: the arrays, their headers and the key index. */
    long estimatedBytes() {
        long bytes = 64L + storeKeys.length * (4L + 48 + 32);
        for (int s = 0; s < storeKeys.length; s++) {
            bytes += 16 + micros[s].length * 8L + 16 + activeBits[s].length * 8L;
        }
        return bytes;
    }

    int pollCount() {
        int count = 0;
        for (long[] times : micros) {
            count += times.length;
        }
        return count;
    }

    private static void set(long[] bits, int i, boolean value) {
        if (value) {
            bits[i >>> 6] |= 1L << i;
        }
    }

    private static boolean isSet(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    private static int firstAtOrAfter(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int firstAfter(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Collects raw rows (store order, time order within a store) as {@link ShardReader} streams them; one growing
     * buffer for the current store.
     */
    static final class Rows implements ShardReader.RowConsumer {

        private final List<Integer> keys = new ArrayList<>();
        private final List<long[]> times = new ArrayList<>();
        private final List<boolean[]> actives = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();
        private long[] currentTimes = new long[256];
        private boolean[] currentActive = new boolean[256];
        private int size;
        private int currentKey = -1;

        interface StoreRows {
            void accept(int storeKey, long[] times, boolean[] active, int count);
        }

        @Override
        public void accept(int storeKey, long epochMicros, boolean active) {
            if (storeKey != currentKey) {
                flush();
                currentKey = storeKey;
            }
            if (size == currentTimes.length) {
                currentTimes = Arrays.copyOf(currentTimes, size * 2);
                currentActive = Arrays.copyOf(currentActive, size * 2);
            }
            currentTimes[size] = epochMicros;
            currentActive[size] = active;
            size++;
        }

        private void flush() {
            if (currentKey != -1 && size > 0) {
                sortIfNeeded();
                keys.add(currentKey);
                times.add(Arrays.copyOf(currentTimes, size));
                actives.add(Arrays.copyOf(currentActive, size));
                counts.add(size);
            }
            size = 0;
        }

        /** The query orders stores, not always the polls within a store (the plan decides): sort them here. */
        private void sortIfNeeded() {
            boolean sorted = true;
            for (int i = 1; i < size && sorted; i++) {
                sorted = currentTimes[i - 1] < currentTimes[i];
            }
            if (sorted) {
                return;
            }
            // time * 2 + status: sorts by time (unique per store), and epoch micros * 2 stays far from overflow.
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                packed[i] = currentTimes[i] * 2 + (currentActive[i] ? 1 : 0);
            }
            Arrays.sort(packed);
            for (int i = 0; i < size; i++) {
                currentTimes[i] = packed[i] >> 1;
                currentActive[i] = (packed[i] & 1) != 0;
            }
        }

        void forEachStore(StoreRows consumer) {
            flush();
            currentKey = -1;
            for (int i = 0; i < keys.size(); i++) {
                consumer.accept(keys.get(i), times.get(i), actives.get(i), counts.get(i));
            }
        }

        /** The polls read from {@code fromMicros} (anchors included) as a compact, immutable set. */
        ShardPolls toShardPolls(long fromMicros) {
            List<Integer> storeKeys = new ArrayList<>();
            List<long[]> micros = new ArrayList<>();
            List<long[]> bits = new ArrayList<>();
            forEachStore((key, t, active, count) -> {
                long[] b = new long[(count + 63) >>> 6];
                for (int i = 0; i < count; i++) {
                    set(b, i, active[i]);
                }
                storeKeys.add(key);
                micros.add(t);
                bits.add(b);
            });
            return new ShardPolls(
                    fromMicros,
                    storeKeys.stream().mapToInt(Integer::intValue).toArray(),
                    micros.toArray(long[][]::new),
                    bits.toArray(long[][]::new));
        }
    }
}
