package dev.storemon.uptime;

import dev.storemon.uptime.EnginePropertiesTest.Case;
import dev.storemon.uptime.ReferenceOracle.Poll;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random {@link Case}s for {@link EnginePropertiesTest}, all drawn from one seeded {@link Random} so that a seed
 * reproduces its case. Values are uniform within each range, the ranges picked with the weights below; like the
 * property-testing libraries do, one draw in {@value #EDGE_ONE_IN} takes an edge of its range instead (its ends, 0 if
 * inside) and lists are empty or full as often.
 */
final class RandomCases {

    private static final List<String> ZONES = List.of(
            "UTC",
            "America/Chicago",
            "America/New_York",
            "America/Los_Angeles",
            "America/Santiago",
            "America/Havana",
            "America/St_Johns",
            "Europe/London",
            "Asia/Beirut",
            "Asia/Kolkata",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "Africa/Casablanca");
    private static final List<LocalTime> NOTABLE_TIMES = List.of(
            LocalTime.MIDNIGHT,
            LocalTime.of(0, 30),
            LocalTime.of(1, 0),
            LocalTime.of(1, 30),
            LocalTime.of(2, 0),
            LocalTime.of(2, 30),
            LocalTime.of(3, 0),
            LocalTime.NOON,
            LocalTime.of(22, 0),
            LocalTime.of(23, 30),
            LocalTime.of(23, 59),
            LocalTime.of(23, 59, 59),
            LocalTime.of(23, 58, 59));
    private static final List<Long> ROUND_OFFSETS = List.of(0L, -1_800L, -3_600L, -86_400L, -7 * 86_400L);
    private static final long FROM_2023 = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
    private static final long TO_2024 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
    private static final int EDGE_ONE_IN = 20;

    private final Random random;

    RandomCases(long seed) {
        this.random = new Random(seed);
    }

    Case next() {
        ZoneId zone = ZoneId.of(pick(ZONES));
        Instant now = now(zone);
        Interpolation mode = pick(List.of(Interpolation.values()));
        List<BusinessHours> rows = list(12, () -> new BusinessHours((int) between(0, 6), time(), time()));
        List<Poll> polls = list(
                40,
                () -> new Poll(
                        now.plusNanos(pollOffsetSeconds() * 1_000_000_000L + micros() * 1_000L), random.nextBoolean()));
        return new Case(now, mode, zone, rows, polls);
    }

    /** Anywhere in 2023, or up to a day before / 8 days after one of the zone's offset transitions. */
    private Instant now(ZoneId zone) {
        Instant base = Instant.ofEpochSecond(between(FROM_2023, TO_2024));
        long shift = between(-86_400, 8 * 86_400);
        ZoneOffsetTransition next = zone.getRules().nextTransition(base);
        Instant at = random.nextBoolean() && next != null ? next.getInstant().plusSeconds(shift) : base;
        return at.plusNanos(micros() * 1_000L);
    }

    /** Notable clock times (midnight, around 02:00, end-of-day spellings) 2 in 5, any second of the day 3 in 5. */
    private LocalTime time() {
        return random.nextInt(5) < 2 ? pick(NOTABLE_TIMES) : LocalTime.ofSecondOfDay(between(0, 86_399));
    }

    /** Poll times relative to now: mostly inside the week, some before it, some after now, some on round values. */
    private long pollOffsetSeconds() {
        int weight = random.nextInt(10);
        if (weight < 6) {
            return between(-8 * 86_400, 0);
        } else if (weight < 7) {
            return between(-12 * 86_400, -7 * 86_400);
        } else if (weight < 8) {
            return between(0, 86_400);
        }
        return pick(ROUND_OFFSETS);
    }

    /** Whole seconds 3 in 4, any microsecond fraction 1 in 4. */
    private long micros() {
        return random.nextInt(4) < 3 ? 0 : between(0, 999_999);
    }

    /** Uniform in {@code [min, max]}, or one in {@value #EDGE_ONE_IN} an edge: min, max or 0 when inside. */
    private long between(long min, long max) {
        if (random.nextInt(EDGE_ONE_IN) == 0) {
            List<Long> edges = min <= 0 && 0 <= max ? List.of(min, max, 0L) : List.of(min, max);
            return pick(edges);
        }
        return random.nextLong(min, max + 1);
    }

    /** Up to {@code maxSize} elements: uniform size, or one in {@value #EDGE_ONE_IN} empty or full. */
    private <T> List<T> list(int maxSize, Supplier<T> element) {
        int size =
                random.nextInt(EDGE_ONE_IN) == 0 ? (random.nextBoolean() ? 0 : maxSize) : random.nextInt(maxSize + 1);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.get());
        }
        return list;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
