package dev.storemon.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as microseconds since the epoch: Postgres' precision, and how polls travel between the ingest, the database
 * and the engine. Finer parts are truncated (towards the past), never rounded into the next microsecond.
 */
public final class EpochMicros {

    private static final long PER_SECOND = 1_000_000L;
    /** Postgres' own epoch, 2000-01-01T00:00:00Z, in microseconds since 1970: its binary timestamps count from it. */
    private static final long POSTGRES_EPOCH = 946_684_800L * PER_SECOND;

    private static final int NANOS_PER_MICRO = 1_000;

    private EpochMicros() {}

    /**
     * @param instant an instant
     * @return its microseconds since the epoch
     * @throws ArithmeticException beyond the year 294,000 or so
     */
    public static long of(Instant instant) {
        return of(instant.getEpochSecond(), instant.getNano());
    }

    /**
     * @param time a date-time with an offset, as JDBC reads a {@code timestamptz}
     * @return its microseconds since the epoch
     */
    public static long of(OffsetDateTime time) {
        return of(time.toEpochSecond(), time.getNano());
    }

    /**
     * @param epochSecond seconds since the epoch
     * @param nanos       nanoseconds within the second, 0 to 999,999,999
     * @return the microseconds since the epoch
     */
    public static long of(long epochSecond, int nanos) {
        return Math.addExact(Math.multiplyExact(epochSecond, PER_SECOND), nanos / NANOS_PER_MICRO);
    }

    /**
     * @param epochMicros microseconds since the epoch
     * @return the instant
     */
    public static Instant toInstant(long epochMicros) {
        return Instant.ofEpochSecond(
                Math.floorDiv(epochMicros, PER_SECOND), Math.floorMod(epochMicros, PER_SECOND) * NANOS_PER_MICRO);
    }

    /**
     * @param epochMicros microseconds since the epoch
     * @return the instant in UTC, as JDBC writes a {@code timestamptz}
     */
    public static OffsetDateTime toUtc(long epochMicros) {
        return toInstant(epochMicros).atOffset(ZoneOffset.UTC);
    }

    /**
     * @param epochMicros microseconds since the epoch
     * @return the same instant in nanoseconds since the epoch, the engine's unit
     */
    public static long toNanos(long epochMicros) {
        return Math.multiplyExact(epochMicros, (long) NANOS_PER_MICRO);
    }

    /**
     * @param postgresMicros a {@code timestamptz} in Postgres' binary format: microseconds since 2000-01-01 UTC
     * @return the same instant in microseconds since the epoch
     */
    public static long ofPostgres(long postgresMicros) {
        return Math.addExact(postgresMicros, POSTGRES_EPOCH);
    }

    /**
     * @param epochMicros microseconds since the epoch
     * @return the same instant as a binary {@code timestamptz}: microseconds since 2000-01-01 UTC
     */
    public static long toPostgres(long epochMicros) {
        return Math.subtractExact(epochMicros, POSTGRES_EPOCH);
    }
}
