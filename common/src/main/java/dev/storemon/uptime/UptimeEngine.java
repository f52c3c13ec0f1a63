package dev.storemon.uptime;

import dev.storemon.time.EpochNanos;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a store's uptime and downtime during business hours in the last hour, day and week before {@code now}.
 * The rules are written out, with worked examples, in {@code docs/semantics.md}.
 *
 * <p>One engine serves one report (one {@code now} and one interpolation mode) and any number of stores; it is
 * thread-safe. It keeps, per time zone, the zone's offsets around the report's week ({@link ZoneSpan}), so that no
 * store needs a time-zone rule look-up.
 */
public final class UptimeEngine {

    private static final long HOUR = 3_600_000_000_000L;
    private static final long DAY = 24 * HOUR;
    private static final long WEEK = 7 * DAY;
    /** How far beyond the week the zone spans reach: further than any row can start or end from the week. */
    private static final long SPAN_MARGIN = 4 * DAY;

    private final long now;
    private final long dayStart;
    private final long hourStart;
    private final long weekStart;
    private final Interpolation interpolation;
    private final ConcurrentHashMap<ZoneId, ZoneSpan> zoneSpans = new ConcurrentHashMap<>();

    /**
     * Creates an engine for one report.
     *
     * @param now           the report's as-of instant: windows are {@code [now - L, now)}; later polls are ignored
     * @param interpolation how status is extrapolated between polls
     */
    public UptimeEngine(Instant now, Interpolation interpolation) {
        this.now = EpochNanos.of(now);
        this.hourStart = this.now - HOUR;
        this.dayStart = this.now - DAY;
        this.weekStart = this.now - WEEK;
        this.interpolation = interpolation;
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
        Accumulator sum = new Accumulator();
        if (walk(zone, schedule, polls, sum) < 0) {
            return Optional.empty();
        }
        return Optional.of(sum.toUptime(storeId));
    }

    /**
     * One store's week as {@link #compute} counts it: the same walk, which also hands each piece of business time it
     * adds to a list. The figures are summed from those pieces, so they are always the ones {@link #compute} gives.
     *
     * @param storeId  the store
     * @param zone     the store's time zone
     * @param schedule the store's weekly business hours
     * @param polls    the store's polls; those after {@code now} are ignored
     * @return the pieces, the polls used and the figures, or empty when the store is not reported
     */
    public Optional<StoreTimeline> timeline(String storeId, ZoneId zone, WeeklySchedule schedule, PollSeries polls) {
        Accumulator sum = new Accumulator();
        List<StoreTimeline.Segment> segments = new ArrayList<>();
        long[] open = {0, 0};
        boolean[] openActive = {false};
        int first = walk(zone, schedule, polls, (from, to, active) -> {
            sum.add(from, to, active);
            if (open[1] == from && openActive[0] == active && open[0] < open[1]) {
                open[1] = to;
                return;
            }
            if (open[0] < open[1]) {
                segments.add(new StoreTimeline.Segment(
                        EpochNanos.toInstant(open[0]), EpochNanos.toInstant(open[1]), openActive[0]));
            }
            open[0] = from;
            open[1] = to;
            openActive[0] = active;
        });
        if (first < 0) {
            return Optional.empty();
        }
        if (open[0] < open[1]) {
            segments.add(new StoreTimeline.Segment(
                    EpochNanos.toInstant(open[0]), EpochNanos.toInstant(open[1]), openActive[0]));
        }
        List<StoreTimeline.PollMark> used = new ArrayList<>();
        for (int p = first, count = polls.countAtOrBefore(now); p < count; p++) {
            used.add(new StoreTimeline.PollMark(EpochNanos.toInstant(polls.nanosAt(p)), polls.activeAt(p)));
        }
        return Optional.of(new StoreTimeline(sum.toUptime(storeId), List.copyOf(segments), List.copyOf(used)));
    }

    /** Receives each piece of business time the walk counts, in time order. */
    private interface Pieces {
        void add(long from, long to, boolean active);
    }

    /**
     * Walks the store's business intervals and its polls together once, handing each piece of business time to
     * {@code pieces} with the status it takes.
     *
     * @return the index of the first poll used, or -1 when the store has no poll at or before {@code now}
     */
    private int walk(ZoneId zone, WeeklySchedule schedule, PollSeries polls, Pieces pieces) {
        int count = polls.countAtOrBefore(now);
        if (count == 0) {
            return -1;
        }
        long[] business = businessIntervals(zone, schedule);
        // Polls before the week count only through the last of them: no earlier one is nearer to, or later than, it.
        int first = Math.max(0, polls.countAtOrBefore(weekStart - 1) - 1);
        int p = first;
        long next = nextBoundary(polls, p, count);
        for (int b = 0; b < business.length; b += 2) {
            long from = business[b];
            long to = business[b + 1];
            while (from < to) {
                while (next <= from) {
                    p++;
                    next = nextBoundary(polls, p, count);
                }
                long segmentEnd = Math.min(to, next);
                pieces.add(from, segmentEnd, polls.activeAt(p));
                from = segmentEnd;
            }
        }
        return first;
    }

    /** Where the status of the poll after poll {@code p} starts to apply; never, when {@code p} is the last one. */
    private long nextBoundary(PollSeries polls, int p, int count) {
        if (p + 1 >= count) {
            return Long.MAX_VALUE;
        }
        long later = polls.nanosAt(p + 1);
        if (interpolation == Interpolation.PREVIOUS) {
            return later;
        }
        long earlier = polls.nanosAt(p);
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
        ZoneSpan span =
                zoneSpans.computeIfAbsent(zone, z -> ZoneSpan.of(z, weekStart - SPAN_MARGIN, now + SPAN_MARGIN));
        // The previous local day too: its rows may run past midnight into the window. Around a transition one more
        // day on each side, so that a gap or an overlap spanning midnight cannot hide a row; the clamps below cut
        // whatever falls outside the window.
        int margin = span.isFixed() ? 0 : 1;
        long firstDay = Math.floorDiv(span.toLocalNanos(weekStart), DAY) - 1 - margin;
        long lastDay = Math.floorDiv(span.toLocalNanos(now), DAY) + margin;
        // Epoch day 0, 1970-01-01, was a Thursday (3 when Monday is 0).
        int dayOfWeek = (int) Math.floorMod(firstDay + 3, 7L);
        Intervals out = new Intervals();
        for (long day = firstDay; day <= lastDay; day++) {
            long[] starts = schedule.starts(dayOfWeek);
            long[] ends = schedule.ends(dayOfWeek);
            long midnight = day * DAY;
            for (int i = 0; i < starts.length; i++) {
                long start = Math.max(weekStart, span.toEpochNanos(midnight + starts[i]));
                long end = Math.min(now, span.toEpochNanos(midnight + ends[i]));
                if (start < end) {
                    out.add(start, end);
                }
            }
            dayOfWeek = dayOfWeek == 6 ? 0 : dayOfWeek + 1;
        }
        return out.sortedUnion();
    }

    /** Sums active and total business time per window; the windows share their end, {@code now}. */
    private final class Accumulator implements Pieces {
        private long upHour;
        private long upDay;
        private long upWeek;
        private long openHour;
        private long openDay;
        private long openWeek;

        @Override
        public void add(long from, long to, boolean active) {
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
            return new StoreUptime(
                    storeId, upHour, upDay, upWeek, openHour - upHour, openDay - upDay, openWeek - upWeek);
        }
    }
}
