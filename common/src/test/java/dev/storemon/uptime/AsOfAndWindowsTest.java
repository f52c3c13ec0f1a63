package dev.storemon.uptime;

import static dev.storemon.uptime.Fixture.NEW_YORK;
import static dev.storemon.uptime.Fixture.UTC;
import static dev.storemon.uptime.Fixture.compute;
import static dev.storemon.uptime.Fixture.line;
import static dev.storemon.uptime.Fixture.polls;
import static dev.storemon.uptime.Fixture.row;
import static dev.storemon.uptime.Fixture.schedule;
import static dev.storemon.uptime.Interpolation.NEAREST;
import static dev.storemon.uptime.Interpolation.PREVIOUS;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rules 1 and 2: the report's as-of instant, and windows that are half-open absolute durations before it. */
class AsOfAndWindowsTest {

    private static final WeeklySchedule ALWAYS = WeeklySchedule.alwaysOpen();

    @Test
    void pollsAfterNowAreIgnored() {
        // now 12:00. Only the 11:00 active poll counts, so the whole week is up: 60 min, 24 h, 168 h.
        // Were the 12:30 inactive poll counted, nearest would turn [11:45, 12:00) down.
        PollSeries polls = polls("2023-01-16T11:00:00Z", true, "2023-01-16T12:30:00Z", false);
        assertThat(line("2023-01-16T12:00:00Z", NEAREST, UTC, ALWAYS, polls))
                .isEqualTo("s,60.00,24.00,168.00,0.00,0.00,0.00");
        assertThat(line("2023-01-16T12:00:00Z", PREVIOUS, UTC, ALWAYS, polls))
                .isEqualTo("s,60.00,24.00,168.00,0.00,0.00,0.00");
    }

    @Test
    void aPollExactlyAtNowCounts() {
        // Polls 11:00 active and 12:00 inactive, now 12:00: nearest splits at 11:30.
        // Hour [11:00, 12:00): 30 up, 30 down. Day: 23.5 h up, 0.5 h down. Week: 167.5 up, 0.5 down.
        PollSeries polls = polls("2023-01-16T11:00:00Z", true, "2023-01-16T12:00:00Z", false);
        assertThat(line("2023-01-16T12:00:00Z", NEAREST, UTC, ALWAYS, polls))
                .isEqualTo("s,30.00,23.50,167.50,30.00,0.50,0.50");
    }

    @Test
    void windowsIncludeTheirStartAndExcludeNow() {
        // now Monday 2023-01-16 12:00 UTC; one active poll, so uptime = business time.
        // Rows (every Monday): 10:00-11:00, 11:00-11:01, 12:00-13:00.
        // Hour [11:00, 12:00): only 11:00-11:01 -> 1 min (10:00-11:00 ends at the start; 12:00 is now, excluded).
        // Day: 10:00-11:01 -> 61 min = 1.0167 h -> 1.02.
        // Week [Mon 01-09 12:00, Mon 01-16 12:00): 01-09 12:00-13:00 starts exactly at the window start -> 1 h,
        // plus 01-16's 61 min -> 2.0167 h -> 2.02. (01-09's 10:00-11:01 lies before the window.)
        WeeklySchedule mondays = schedule(row(0, "10:00", "11:00"), row(0, "11:00", "11:01"), row(0, "12:00", "13:00"));
        StoreUptime row = compute("2023-01-16T12:00:00Z", NEAREST, UTC, mondays, polls("2023-01-16T11:00:00Z", true));
        assertThat(ReportCsv.line(row)).isEqualTo("s,1.00,1.02,2.02,0.00,0.00,0.00");
        assertThat(row.uptimeLastHourNanos()).isEqualTo(60_000_000_000L);
        assertThat(row.uptimeLastWeekNanos()).isEqualTo(121 * 60_000_000_000L);
    }

    @Test
    void theDayIs24RealHoursEvenAcrossSpringForward() {
        // New York, now Monday 2023-03-13 00:30 EDT = 04:30Z. The day window starts 24 real hours earlier,
        // 2023-03-12 04:30Z = Saturday 23:30 EST (25 hours earlier on the local clock).
        // Row: Saturday 23:00-24:00 (23:59 means end of day) = 03-12 04:00Z..05:00Z.
        // Hour [03:30Z, 04:30Z) on 03-13: no business -> 0. Day: Saturday 23:30-24:00 -> 0.50 h.
        // Week from 2023-03-06 04:30Z: Saturday 03-11 whole hour -> 1.00 h (Saturday 03-04 is before it).
        // A calendar-day reading ("since Sunday 00:30 local") would give 0 for the day.
        WeeklySchedule lateSaturday = schedule(row(5, "23:00", "23:59"));
        assertThat(line("2023-03-13T04:30:00Z", NEAREST, NEW_YORK, lateSaturday, polls("2023-03-12T04:00:00Z", true)))
                .isEqualTo("s,0.00,0.50,1.00,0.00,0.00,0.00");
    }

    @Test
    void anAlwaysOpenStoreHas24And168HoursInADaylightSavingWeek() {
        // The local Sunday 2023-03-12 has 23 hours, but the windows are absolute: 60 min, 24 h, 168 h.
        assertThat(line("2023-03-13T12:00:00Z", NEAREST, NEW_YORK, ALWAYS, polls("2023-03-10T00:00:00Z", true)))
                .isEqualTo("s,60.00,24.00,168.00,0.00,0.00,0.00");
    }
}
