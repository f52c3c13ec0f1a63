package dev.storemon.uptime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A store's weekly business hours, normalized once so that the engine only does arithmetic per report.
 *
 * <p>Each row becomes a local interval {@code [start, end)} in nanoseconds of its day: an end at or after 23:59:00
 * (and after the start) becomes 24:00; otherwise an end at or before the start moves to the next day. Rows may
 * overlap, also across midnight; the engine takes their union. An empty schedule is open 24x7.
 */
public final class WeeklySchedule {

    static final long DAY_NANOS = 86_400_000_000_000L;
    private static final long END_OF_DAY_FROM = 23 * 3_600_000_000_000L + 59 * 60_000_000_000L;
    private static final WeeklySchedule ALWAYS_OPEN = new WeeklySchedule(null, null);

    /** Per day of week (0 = Monday): starts sorted ascending, and the matching ends. Null when always open. */
    private final long[][] starts;

    private final long[][] ends;

    private WeeklySchedule(long[][] starts, long[][] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * The schedule of a store that has no business-hours rows: open 24 hours, 7 days.
     *
     * @return the always-open schedule
     */
    public static WeeklySchedule alwaysOpen() {
        return ALWAYS_OPEN;
    }

    /**
     * Builds a schedule from weekly rows.
     *
     * @param rows the store's rows, in any order; empty means always open
     * @return the schedule
     */
    public static WeeklySchedule of(Collection<BusinessHours> rows) {
        if (rows.isEmpty()) {
            return ALWAYS_OPEN;
        }
        List<BusinessHours> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(BusinessHours::dayOfWeek).thenComparing(BusinessHours::start));
        long[][] starts = new long[7][];
        long[][] ends = new long[7][];
        for (int day = 0; day < 7; day++) {
            final int d = day;
            List<BusinessHours> ofDay =
                    sorted.stream().filter(r -> r.dayOfWeek() == d).toList();
            starts[day] = new long[ofDay.size()];
            ends[day] = new long[ofDay.size()];
            for (int i = 0; i < ofDay.size(); i++) {
                long start = ofDay.get(i).start().toNanoOfDay();
                starts[day][i] = start;
                ends[day][i] = normalizedEnd(start, ofDay.get(i).end().toNanoOfDay());
            }
        }
        return new WeeklySchedule(starts, ends);
    }

    private static long normalizedEnd(long start, long end) {
        if (end >= END_OF_DAY_FROM && end > start) {
            return DAY_NANOS;
        }
        return end <= start ? end + DAY_NANOS : end;
    }

    /**
     * Whether the store is open all the time.
     *
     * @return true for the always-open schedule
     */
    public boolean isAlwaysOpen() {
        return starts == null;
    }

    long[] starts(int dayOfWeek) {
        return starts[dayOfWeek];
    }

    long[] ends(int dayOfWeek) {
        return ends[dayOfWeek];
    }

    @Override
    public String toString() {
        return isAlwaysOpen()
                ? "WeeklySchedule[24x7]"
                : "WeeklySchedule[starts=" + Arrays.deepToString(starts) + ", ends=" + Arrays.deepToString(ends) + "]";
    }
}
