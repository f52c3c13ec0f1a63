package dev.storemon.uptime;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One weekly row of a store's business hours, in the store's local time.
 *
 * <p>{@code end <= start} means the interval ends on the next local day ({@code start == end} is 24 hours); an end at
 * or after 23:59:00 means the end of the day. {@link WeeklySchedule} applies these rules.
 *
 * @param dayOfWeek 0 = Monday .. 6 = Sunday
 * @param start     local start time
 * @param end       local end time
 */
public record BusinessHours(int dayOfWeek, LocalTime start, LocalTime end) {

    /**
     * Validates the row.
     *
     * @throws IllegalArgumentException when the day is outside 0..6
     * @throws NullPointerException     when a time is missing
     */
    public BusinessHours {
        if (dayOfWeek < 0 || dayOfWeek > 6) {
            throw new IllegalArgumentException("day must be 0 (Monday) to 6 (Sunday), was " + dayOfWeek);
        }
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }
}
