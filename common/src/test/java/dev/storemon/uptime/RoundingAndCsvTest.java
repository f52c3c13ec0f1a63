package dev.storemon.uptime;

import static dev.storemon.uptime.Fixture.UTC;
import static dev.storemon.uptime.Fixture.compute;
import static dev.storemon.uptime.Fixture.line;
import static dev.storemon.uptime.Fixture.polls;
import static dev.storemon.uptime.Interpolation.PREVIOUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Rule 8: units, half-up rounding of each figure on its own, and the CSV columns. */
class RoundingAndCsvTest {

    private static final WeeklySchedule ALWAYS = WeeklySchedule.alwaysOpen();
    private static final String NOW = "2023-01-16T12:00:00Z";

    @Test
    void minutesRoundHalfUpEachFigureOnItsOwn() {
        // previous mode, open 24x7: inactive since Saturday, active from 11:29:59.700 to now 12:00.
        // Hour: up 30 min 0.3 s = 30.005 min -> 30.01 (half-even would say 30.00);
        //       down 29 min 59.7 s = 29.995 min -> 30.00. So up + down shows 60.01: each figure is rounded alone.
        // Day: up 0.50008 h -> 0.50, down 23.49992 h -> 23.50. Week: 0.50 up, 167.49992 -> 167.50 down.
        PollSeries polls = polls("2023-01-14T00:00:00Z", false, "2023-01-16T11:29:59.700Z", true);
        assertThat(line(NOW, PREVIOUS, UTC, ALWAYS, polls)).isEqualTo("s,30.01,0.50,0.50,30.00,23.50,167.50");
    }

    @Test
    void hoursRoundHalfUp() {
        // Active from 10:29:42 to 12:00 = 1 h 30 min 18 s = 1.505 h -> 1.51; down 22.495 h -> 22.50, 166.495 -> 166.50.
        PollSeries exactlyHalf = polls("2023-01-14T00:00:00Z", false, "2023-01-16T10:29:42Z", true);
        assertThat(line(NOW, PREVIOUS, UTC, ALWAYS, exactlyHalf)).isEqualTo("s,60.00,1.51,1.51,0.00,22.50,166.50");
        // One microsecond less uptime: 1.50499... h -> 1.50.
        PollSeries justBelow = polls("2023-01-14T00:00:00Z", false, "2023-01-16T10:29:42.000001Z", true);
        assertThat(line(NOW, PREVIOUS, UTC, ALWAYS, justBelow)).isEqualTo("s,60.00,1.50,1.50,0.00,22.50,166.50");
    }

    @Test
    void figuresHaveScaleTwo() {
        StoreUptime row = compute(NOW, PREVIOUS, UTC, ALWAYS, polls("2023-01-16T11:00:00Z", true));
        assertThat(row.uptimeLastHour()).isEqualTo(new BigDecimal("60.00"));
        assertThat(row.uptimeLastDay()).isEqualTo(new BigDecimal("24.00"));
        assertThat(row.uptimeLastWeek()).isEqualTo(new BigDecimal("168.00"));
        assertThat(row.downtimeLastHour()).isEqualTo(new BigDecimal("0.00"));
        assertThat(row.downtimeLastDay()).isEqualTo(new BigDecimal("0.00"));
        assertThat(row.downtimeLastWeek()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void csvColumnsAreExactlyThese() {
        assertThat(ReportCsv.HEADER)
                .isEqualTo("store_id,uptime_last_hour,uptime_last_day,uptime_last_week,"
                        + "downtime_last_hour,downtime_last_day,downtime_last_week");
        StoreUptime row = new StoreUptime(
                "42", 1_800_000_000_000L, 36_000_000_000L, 0, 0, 3_600_000_000_000L, 7 * 3_600_000_000_000L);
        assertThat(ReportCsv.line(row)).isEqualTo("42,30.00,0.01,0.00,0.00,1.00,7.00");
    }
}
