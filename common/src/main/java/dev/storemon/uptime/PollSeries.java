package dev.storemon.uptime;

import dev.storemon.time.EpochMicros;
import dev.storemon.time.EpochNanos;
import java.time.Instant;
import java.util.Arrays;

/**
 * A store's polls, sorted by time, one per instant. Instants are kept as epoch nanoseconds, so timestamps with any
 * fraction (the sources have microseconds) are exact. Polls at the same instant collapse to one, inactive if any of
 * them is inactive: a disagreement never hides downtime, the result does not depend on the order polls were added,
 * and the ingest keeps the same row (docs/semantics.md, rule 7).
 */
public final class PollSeries {

    private final long[] nanos;
    private final boolean[] active;

    private PollSeries(long[] nanos, boolean[] active) {
        this.nanos = nanos;
        this.active = active;
    }

    /**
     * Starts a series; add polls in any order.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Number of distinct poll instants.
     *
     * @return the count
     */
    public int size() {
        return nanos.length;
    }

    long nanosAt(int i) {
        return nanos[i];
    }

    boolean activeAt(int i) {
        return active[i];
    }

    /**
     * Index of the first poll strictly after {@code epochNanos}, i.e. the number of polls at or before it.
     */
    int countAtOrBefore(long epochNanos) {
        int hi = nanos.length;
        if (hi == 0 || nanos[hi - 1] <= epochNanos) {
            return hi; // the usual case for now: the report's as-of instant is the latest poll
        }
        int lo = 0;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (nanos[mid] <= epochNanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Accumulates polls; identical instants collapse to one poll, inactive if any of them is inactive. */
    public static final class Builder {
        private long[] nanos = new long[16];
        private boolean[] active = new boolean[16];
        private int size;
        private boolean sorted = true;

        private Builder() {}

        /**
         * Adds a poll.
         *
         * @param at       when the store was polled
         * @param isActive whether it was active
         * @return this builder
         */
        public Builder add(Instant at, boolean isActive) {
            return addEpochNanos(EpochNanos.of(at), isActive);
        }

        /**
         * Adds a poll given in epoch microseconds (Postgres' precision).
         *
         * @param epochMicros when the store was polled, in microseconds since the epoch
         * @param isActive    whether it was active
         * @return this builder
         */
        public Builder addEpochMicros(long epochMicros, boolean isActive) {
            return addEpochNanos(EpochMicros.toNanos(epochMicros), isActive);
        }

        private Builder addEpochNanos(long epochNanos, boolean isActive) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
                active = Arrays.copyOf(active, size * 2);
            }
            if (size > 0 && epochNanos < nanos[size - 1]) {
                sorted = false;
            }
            nanos[size] = epochNanos;
            active[size] = isActive;
            size++;
            return this;
        }

        /**
         * Builds the series. The builder may be reused after {@link #reset()}.
         *
         * @return the sorted series, one poll per instant (inactive if any poll at that instant is)
         */
        public PollSeries build() {
            if (!sorted) {
                sort();
            }
            long[] outNanos = new long[size];
            boolean[] outActive = new boolean[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (n > 0 && outNanos[n - 1] == nanos[i]) {
                    outActive[n - 1] &= active[i];
                    continue;
                }
                outNanos[n] = nanos[i];
                outActive[n] = active[i];
                n++;
            }
            return new PollSeries(
                    n == size ? outNanos : Arrays.copyOf(outNanos, n),
                    n == size ? outActive : Arrays.copyOf(outActive, n));
        }

        /**
         * Empties the builder so it can collect another store's polls.
         *
         * @return this builder
         */
        public Builder reset() {
            size = 0;
            sorted = true;
            return this;
        }

        private void sort() {
            // Any order among identical instants will do: build() merges them whatever their order.
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(nanos[a], nanos[b]));
            long[] n = new long[nanos.length];
            boolean[] s = new boolean[active.length];
            for (int i = 0; i < size; i++) {
                n[i] = nanos[order[i]];
                s[i] = active[order[i]];
            }
            nanos = n;
            active = s;
            sorted = true;
        }
    }
}
