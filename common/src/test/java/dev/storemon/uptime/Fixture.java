package dev.storemon.uptime;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/** Short hands for the engine's unit tests: times are ISO strings, statuses are booleans. */
final class Fixture {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Fixture() {}

    /** A weekly row: day 0 = Monday, times as {@code HH:mm} or {@code HH:mm:ss}. */
    static BusinessHours row(int day, String start, String end) {
        return new BusinessHours(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    static WeeklySchedule schedule(BusinessHours... rows) {
        return WeeklySchedule.of(List.of(rows));
    }

    /** Polls as pairs: an ISO instant, then {@code true} for active or {@code false} for inactive. */
    static PollSeries polls(Object... instantThenActive) {
        PollSeries.Builder builder = PollSeries.builder();
        for (int i = 0; i < instantThenActive.length; i += 2) {
            builder.add(Instant.parse((String) instantThenActive[i]), (Boolean) instantThenActive[i + 1]);
        }
        return builder.build();
    }

    /** The store's CSV line (store id {@code s}); fails when the store is not reported. */
    static String line(String now, Interpolation mode, ZoneId zone, WeeklySchedule schedule, PollSeries polls) {
        return ReportCsv.line(compute(now, mode, zone, schedule, polls));
    }

    static StoreUptime compute(String now, Interpolation mode, ZoneId zone, WeeklySchedule schedule, PollSeries polls) {
        return new UptimeEngine(Instant.parse(now), mode)
                .compute("s", zone, schedule, polls)
                .orElseThrow();
    }
}
