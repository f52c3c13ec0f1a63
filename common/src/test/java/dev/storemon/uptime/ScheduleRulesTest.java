package dev.storemon.uptime;

import static dev.storemon.uptime.Fixture.UTC;
import static dev.storemon.uptime.Fixture.compute;
import static dev.storemon.uptime.Fixture.line;
import static dev.storemon.uptime.Fixture.polls;
import static dev.storemon.uptime.Fixture.row;
import static dev.storemon.uptime.Fixture.schedule;
import static dev.storemon.uptime.Interpolation.NEAREST;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule 3: weekly rows in local time, unioned; overnight rows; end-of-day spellings; no rows = 24x7. Every store here
 * has one active poll, so its uptime is its business time in the window and its downtime is 0. Zone: UTC.
 */
class ScheduleRulesTest {

    private static final PollSeries ACTIVE = polls("2023-01-16T00:00:00Z", true);
    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void noRowsMeansOpen24x7() {
        assertThat(WeeklySchedule.of(List.of()).isAlwaysOpen()).isTrue();
        assertThat(line("2023-01-16T12:00:00Z", NEAREST, UTC, WeeklySchedule.of(List.of()), ACTIVE))
                .isEqualTo("s,60.00,24.00,168.00,0.00,0.00,0.00");
    }

    @Test
    void overlappingRowsAreUnioned() {
        // Monday 09:00-12:00, 11:00-14:00, 10:00-10:30 -> 09:00-14:00 (5 h);
        // Sunday 23:00-02:00 and Monday 00:00-01:00 -> Sunday 23:00 to Monday 02:00 (3 h).
        // now Monday 2023-01-16 20:00. Hour [19:00, 20:00): 0. Day from Sunday 20:00: 3 + 5 = 8 h.
        // Week from Monday 01-09 20:00: the same 8 h (the rows of 01-08/01-09 end before it). A sum would say 10.5.
        WeeklySchedule overlapping = schedule(
                row(0, "09:00", "12:00"),
                row(0, "11:00", "14:00"),
                row(0, "10:00", "10:30"),
                row(6, "23:00", "02:00"),
                row(0, "00:00", "01:00"));
        assertThat(line("2023-01-16T20:00:00Z", NEAREST, UTC, overlapping, ACTIVE))
                .isEqualTo("s,0.00,8.00,8.00,0.00,0.00,0.00");
    }

    @Test
    void anOvernightRowEndsOnTheNextDay() {
        // Monday 22:00-02:00 = Monday 22:00 to Tuesday 02:00. now Tuesday 2023-01-17 01:00.
        // Hour [00:00, 01:00): 60 min. Day from Monday 01:00: 22:00-01:00 = 3 h.
        // Week from Tuesday 01-10 01:00: the tail of Monday 01-09's row, 01:00-02:00 (1 h), + 3 h = 4 h.
        assertThat(line("2023-01-17T01:00:00Z", NEAREST, UTC, schedule(row(0, "22:00", "02:00")), ACTIVE))
                .isEqualTo("s,60.00,3.00,4.00,0.00,0.00,0.00");
    }

    @Test
    void aSundayRowRunsIntoMonday() {
        // Sunday 20:00-03:00 = Sunday 20:00 to Monday 03:00. now Monday 2023-01-16 02:00.
        // Hour [01:00, 02:00): 60 min. Day from Sunday 02:00: 20:00-02:00 = 6 h.
        // Week from Monday 01-09 02:00: the tail of Sunday 01-08's row, 02:00-03:00 (1 h), + 6 h = 7 h.
        assertThat(line("2023-01-16T02:00:00Z", NEAREST, UTC, schedule(row(6, "20:00", "03:00")), ACTIVE))
                .isEqualTo("s,60.00,6.00,7.00,0.00,0.00,0.00");
    }

    @Test
    void anEndAt2359OrLaterIsTheEndOfTheDay() {
        // Monday 00:00-23:59:00 and Tuesday 00:00-23:59:59 are both whole days: Monday 00:00 to Wednesday 00:00.
        // now Wednesday 2023-01-18 00:00: hour = exactly 60 min, day = exactly 24 h, week = exactly 48 h.
        // (Taken literally, the hour would be 59.98 min and the week 47.98 h.)
        WeeklySchedule allDay = schedule(row(0, "00:00", "23:59"), row(1, "00:00", "23:59:59"));
        StoreUptime row = compute("2023-01-18T00:00:00Z", NEAREST, UTC, allDay, ACTIVE);
        assertThat(row.uptimeLastHourNanos()).isEqualTo(HOUR);
        assertThat(row.uptimeLastDayNanos()).isEqualTo(24 * HOUR);
        assertThat(row.uptimeLastWeekNanos()).isEqualTo(48 * HOUR);
        assertThat(ReportCsv.line(row)).isEqualTo("s,60.00,24.00,48.00,0.00,0.00,0.00");
    }

    @Test
    void anEndJustBefore2359IsKept() {
        // Monday 22:00-23:58:30; now Tuesday 2023-01-17 00:00. Hour [23:00, 24:00): 58.5 min. Day and week: 1.975 h.
        assertThat(line("2023-01-17T00:00:00Z", NEAREST, UTC, schedule(row(0, "22:00", "23:58:30")), ACTIVE))
                .isEqualTo("s,58.50,1.98,1.98,0.00,0.00,0.00");
    }

    @Test
    void startEqualToEndIsTwentyFourHours() {
        // Monday 08:00-08:00 = Monday 08:00 to Tuesday 08:00. now Wednesday 2023-01-18 00:00.
        // Hour [23:00, 24:00) Tuesday: 0. Day (all of Tuesday): 00:00-08:00 = 8 h. Week: 24 h.
        assertThat(line("2023-01-18T00:00:00Z", NEAREST, UTC, schedule(row(0, "08:00", "08:00")), ACTIVE))
                .isEqualTo("s,0.00,8.00,24.00,0.00,0.00,0.00");
        // Tuesday 00:00-00:00 is all of Tuesday: hour 60 min, day 24 h, week 24 h.
        assertThat(line("2023-01-18T00:00:00Z", NEAREST, UTC, schedule(row(1, "00:00", "00:00")), ACTIVE))
                .isEqualTo("s,60.00,24.00,24.00,0.00,0.00,0.00");
    }

    @Test
    void severalRowsADayAreAllCounted() {
        // Monday 08:00-10:00 and 18:00-21:00; now Monday 2023-01-16 20:30. Hour [19:30, 20:30): 60 min.
        // Day from Sunday 20:30: 2 + 2.5 = 4.5 h. Week from Monday 01-09 20:30: 01-09 20:30-21:00 (0.5) + 4.5 = 5 h.
        WeeklySchedule split = schedule(row(0, "18:00", "21:00"), row(0, "08:00", "10:00"));
        assertThat(line("2023-01-16T20:30:00Z", NEAREST, UTC, split, ACTIVE))
                .isEqualTo("s,60.00,4.50,5.00,0.00,0.00,0.00");
    }
}
