package dev.storemon.tools.generate;

import java.time.Duration;
import java.time.Instant;

/**
 * What to generate.
 *
 * @param stores how many stores
 * @param days   how many days of polls, ending at {@code end}
 * @param seed   the random seed: the same options always give the same bytes
 * @param end    polls fall in {@code [end - days, end)}
 * @param uuids  store ids are UUIDs instead of 19-digit numbers
 */
public record GeneratorOptions(int stores, int days, long seed, Instant end, boolean uuids) {

    /** The end of the 2023 data set's polls. */
    public static final Instant DEFAULT_END = Instant.parse("2023-01-25T12:00:00Z");

    /** Validates the options. */
    public GeneratorOptions {
        if (stores < 1) {
            throw new IllegalArgumentException("--stores must be at least 1, was " + stores);
        }
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1, was " + days);
        }
        if (end == null) {
            throw new IllegalArgumentException("--end is required");
        }
    }

    /**
     * Options with the default end and numeric ids.
     *
     * @param stores how many stores
     * @param days   how many days of polls
     * @param seed   the random seed
     * @return the options
     */
    public static GeneratorOptions of(int stores, int days, long seed) {
        return new GeneratorOptions(stores, days, seed, DEFAULT_END, false);
    }

    Instant start() {
        return end.minus(Duration.ofDays(days));
    }
}
