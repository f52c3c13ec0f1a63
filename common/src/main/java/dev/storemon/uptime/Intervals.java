package dev.storemon.uptime;

import java.util.Arrays;

/** A small growable list of {@code [start, end)} pairs that ends as their sorted union. */
final class Intervals {

    private long[] pairs = new long[32];
    private int size;

    void add(long start, long end) {
        if (size + 2 > pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[size++] = start;
        pairs[size++] = end;
    }

    /** Sorts by start (local times in a DST gap can map out of order) and merges overlapping or touching pairs. */
    long[] sortedUnion() {
        insertionSortByStart();
        int out = 0;
        for (int i = 0; i < size; i += 2) {
            if (out > 0 && pairs[i] <= pairs[out - 1]) {
                pairs[out - 1] = Math.max(pairs[out - 1], pairs[i + 1]);
            } else {
                pairs[out++] = pairs[i];
                pairs[out++] = pairs[i + 1];
            }
        }
        return Arrays.copyOf(pairs, out);
    }

    private void insertionSortByStart() {
        // Almost always sorted already: rows are generated day by day, each day's rows by start.
        for (int i = 2; i < size; i += 2) {
            long start = pairs[i];
            long end = pairs[i + 1];
            int j = i - 2;
            while (j >= 0 && pairs[j] > start) {
                pairs[j + 2] = pairs[j];
                pairs[j + 3] = pairs[j + 1];
                j -= 2;
            }
            pairs[j + 2] = start;
            pairs[j + 3] = end;
        }
    }
}
