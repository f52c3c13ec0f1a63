package dev.storemon.time;

import java.time.Instant;

/**
 * Instants as nanoseconds since the epoch: the uptime engine's unit, in which every figure is exact before its final
 * rounding (a {@code nearest} midpoint may fall between two microseconds). Spans about 1677 to 2262.
 */
public final class EpochNanos {

    private static final long PER_SECOND = 1_000_000_000L;

    private EpochNanos() {}

    /**
     * @param instant an instant
     * @return its nanoseconds since the epoch
     * @throws ArithmeticException outside the years 1677 to 2262
     */
    public static long of(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), PER_SECOND), instant.getNano());
    }

    /**
     * @param epochNanos nanoseconds since the epoch
     * @return the instant
     */
    public static Instant toInstant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, PER_SECOND), Math.floorMod(epochNanos, PER_SECOND));
    }
}
