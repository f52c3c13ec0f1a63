package dev.storemon.uptime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a store's uptime and downtime during business hours in the last hour, day and week before {@code now}.
 * The rules are written out, with worked examples, in {@code docs/semantics.md}.
 *
 * <p>One engine serves one report (one {@code now} and one interpolation mode) and any number of stores; it is
 * thread-safe. It keeps, per time zone, whether the zone's offset is constant around the report's week, so that most
 * stores need no time-zone rule look-ups.
 */
public final class UptimeEngine {

    private static final long HOUR = 3_600_000_000_000L;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    private static final long NOT_FIXED = Long.MIN_VALUE;

    private final long now;
    private final long dayStart;
    private final long hourStart;
    private final long weekStart;
    private final Instant nowInstant;
    private final Interpolation interpolation;
    private final ConcurrentHashMap<ZoneId, Long> fixedOffsetNanos = new ConcurrentHashMap<>();

    /**
     * Creates an engine for one report.
     *
     * @param now           the report's as-of instant: windows are {@code [now - L, now)}; later polls are ignored
     * @param interpolation how status is extrapolated between polls
     */
    public UptimeEngine(Instant now, Interpolation interpolation) {
        this.nowInstant = now;
        this.now = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000_000L), now.getNano());
        this.hourStart = this.now - HOUR;
        this.dayStart = this.now - DAY;
        this.weekStart = this.now - WEEK;
        this.interpolation = interpolation;
    }

    /**
     * The report's as-of instant.
     *
     * @return {@code now}
     */
    public Instant now() {
        return nowInstant;
    }

    /**
     * Computes one store's figures.
     *
     * @param storeId  the store
     * @param zone     the store's time zone
     * @param schedule the store's weekly business hours
     * @param polls    the store's polls; those after {@code now} are ignored
     * @return the figures, or empty when the store has no poll at or before {@code now} (it is not reported)
     */
    public Optional<StoreUptime> compute(String storeId, ZoneId zone, WeeklySchedule schedule, PollSeries polls) {
        int count = polls.countAtOrBefore(now);
        if (count == 0) {
            return Optional.empty();
        }
        long[] business = businessIntervals(zone, schedule);
        Accumulator sum = new Accumulator();
        // Polls before the week count only through the last of them: no earlier one is nearer to, or later than, it.
        int first = Math.max(0, polls.countAtOrBefore(weekStart - 1) - 1);
        int p = first;
        for (int b = 0; b < business.length; b += 2) {
            long from = business[b];
            long to = business[b + 1];
            while (from < to) {
                while (p + 1 < count && boundary(polls, p + 1) <= from) {
                    p++;
                }
                long segmentEnd = p + 1 < count ? Math.min(to, boundary(polls, p + 1)) : to;
                sum.add(from, segmentEnd, polls.activeAt(p));
                from = segmentEnd;
            }
        }
        return Optional.of(sum.toUptime(storeId));
    }

    /** Where poll {@code i}'s status starts to apply, given poll {@code i - 1} before it. */
    private long boundary(PollSeries polls, int i) {
        long later = polls.nanosAt(i);
        if (interpolation == Interpolation.PREVIOUS) {
            return later;
        }
        long earlier = polls.nanosAt(i - 1);
        // The midpoint, rounded up: an instant exactly half-way belongs to the later poll.
        return earlier + (later - earlier + 1) / 2;
    }

    /**
     * The store's business time inside {@code [weekStart, now)} as sorted, disjoint {@code [start, end)} pairs of
     * epoch nanoseconds.
     */
    private long[] businessIntervals(ZoneId zone, WeeklySchedule schedule) {
        if (schedule.isAlwaysOpen()) {
            return new long[] {weekStart, now};
        }
        long offset = fixedOffsetNanos.computeIfAbsent(zone, this::offsetIfFixed);
        // The previous local day too: its rows may run past midnight into the window. Around a transition one more
        // day on each side, so that a gap or an overlap spanning midnight cannot hide a row; the clamps below cut
        // whatever falls outside the window.
        int margin = offset == NOT_FIXED ? 1 : 0;
        LocalDate firstDay = LocalDate.ofInstant(Instant.ofEpochSecond(Math.floorDiv(weekStart, 1_000_000_000L)), zone)
                .minusDays(1 + margin);
        LocalDate lastDay = LocalDate.ofInstant(nowInstant, zone).plusDays(margin);
        Intervals out = new Intervals();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            int dow = day.getDayOfWeek().getValue() - 1;
            long[] starts = schedule.starts(dow);
            long[] ends = schedule.ends(dow);
            for (int i = 0; i < starts.length; i++) {
                long start = Math.max(weekStart, toEpochNanos(day, starts[i], zone, offset));
                long end = Math.min(now, toEpochNanos(day, ends[i], zone, offset));
                if (start < end) {
                    out.add(start, end);
                }
            }
        }
        return out.sortedUnion();
    }

    private long toEpochNanos(LocalDate day, long nanoOfDay, ZoneId zone, long offset) {
        if (offset != NOT_FIXED) {
            return (day.toEpochDay() * DAY + nanoOfDay) - offset;
        }
        LocalDate date = day.plusDays(nanoOfDay / DAY);
        LocalTime time = LocalTime.ofNanoOfDay(nanoOfDay % DAY);
        // ZonedDateTime.of: a time in a gap moves later by the gap; in an overlap it takes the earlier offset.
        ZonedDateTime zoned = ZonedDateTime.of(LocalDateTime.of(date, time), zone);
        return zoned.toEpochSecond() * 1_000_000_000L + zoned.getNano();
    }

    /** The zone's offset in nanoseconds when it is constant over every local day the week can touch. */
    private long offsetIfFixed(ZoneId zone) {
        Instant from = Instant.ofEpochSecond(Math.floorDiv(weekStart, 1_000_000_000L)).minusSeconds(3 * 86_400);
        Instant to = nowInstant.plusSeconds(3 * 86_400);
        ZoneOffsetTransition next = zone.getRules().nextTransition(from);
        if (next != null && next.getInstant().isBefore(to)) {
            return NOT_FIXED;
        }
        ZoneOffset offset = zone.getRules().getOffset(from);
        return offset.getTotalSeconds() * 1_000_000_000L;
    }

    /** Sums active and total business time per window; the windows share their end, {@code now}. */
    private final class Accumulator {
        private long upHour;
        private long upDay;
        private long upWeek;
        private long openHour;
        private long openDay;
        private long openWeek;

        void add(long from, long to, boolean active) {
            long week = to - from;
            long day = Math.max(0, to - Math.max(from, dayStart));
            long hour = Math.max(0, to - Math.max(from, hourStart));
            openWeek += week;
            openDay += day;
            openHour += hour;
            if (active) {
                upWeek += week;
                upDay += day;
                upHour += hour;
            }
        }

        StoreUptime toUptime(String storeId) {
            return new StoreUptime(storeId, upHour, upDay, upWeek, openHour - upHour, openDay - upDay,
                    openWeek - upWeek);
        }
    }
}
