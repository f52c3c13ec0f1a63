package dev.storemon.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/semantics.md, worked out step by step there. */
class WorkedExampleTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    // Monday 2023-01-16, 09:00-12:00 local; polls 10:14 inactive and 11:15 active; now 12:30 local (CST = UTC-6).
    private static final WeeklySchedule MONDAY_MORNING =
            WeeklySchedule.of(List.of(new BusinessHours(0, LocalTime.of(9, 0), LocalTime.of(12, 0))));
    private static final PollSeries POLLS = PollSeries.builder()
            .add(Instant.parse("2023-01-16T16:14:00Z"), false)
            .add(Instant.parse("2023-01-16T17:15:00Z"), true)
            .build();
    private static final Instant NOW = Instant.parse("2023-01-16T18:30:00Z");

    @Test
    void nearest() {
        StoreUptime row = new UptimeEngine(NOW, Interpolation.NEAREST)
                .compute("s1", CHICAGO, MONDAY_MORNING, POLLS)
                .orElseThrow();
        assertThat(ReportCsv.line(row)).isEqualTo("s1,30.00,1.26,1.26,0.00,1.74,1.74");
    }

    @Test
    void previous() {
        StoreUptime row = new UptimeEngine(NOW, Interpolation.PREVIOUS)
                .compute("s1", CHICAGO, MONDAY_MORNING, POLLS)
                .orElseThrow();
        assertThat(ReportCsv.line(row)).isEqualTo("s1,30.00,0.75,0.75,0.00,2.25,2.25");
    }

    @Test
    void springForwardExample() {
        // New York, open Sunday 01:00-04:00 on the clock; on 2023-03-12 that is 01:00 EST (06:00Z) to 04:00 EDT
        // (08:00Z): 2 hours. Polls 06:30Z inactive, 07:40Z active; now 09:00Z (05:00 EDT).
        // nearest: switch at 07:05Z -> 65 min down (1.08 h), 55 min up (0.92 h). Hour [08:00Z, 09:00Z): closed.
        // previous: inactive until 07:40Z -> 100 min down (1.67 h), 20 min up (0.33 h).
        WeeklySchedule sundayNight =
                WeeklySchedule.of(List.of(new BusinessHours(6, LocalTime.of(1, 0), LocalTime.of(4, 0))));
        PollSeries polls = PollSeries.builder()
                .add(Instant.parse("2023-03-12T06:30:00Z"), false)
                .add(Instant.parse("2023-03-12T07:40:00Z"), true)
                .build();
        Instant now = Instant.parse("2023-03-12T09:00:00Z");
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(ReportCsv.line(new UptimeEngine(now, Interpolation.NEAREST)
                        .compute("s2", newYork, sundayNight, polls)
                        .orElseThrow()))
                .isEqualTo("s2,0.00,0.92,0.92,0.00,1.08,1.08");
        assertThat(ReportCsv.line(new UptimeEngine(now, Interpolation.PREVIOUS)
                        .compute("s2", newYork, sundayNight, polls)
                        .orElseThrow()))
                .isEqualTo("s2,0.00,0.33,0.33,0.00,1.67,1.67");
    }

    @Test
    void overnightExample() {
        // Chicago, open Friday 20:00-02:00. Polls Friday 2023-01-20 21:10 active, 23:50 inactive, Saturday 01:20
        // active (local); now Saturday 01:45 local (07:45Z). Business: hour 60 min; day Friday 20:00 to 01:45 = 5.75 h;
        // week adds the tail of the previous Friday's row, Saturday 01-14 01:45-02:00 (0.25 h), up by carry-back.
        // nearest: switches at 22:30 and 00:35 -> day up 2.5 + 1 h 10 min = 3.67, down 2 h 5 min = 2.08; week up 3.92.
        // previous: down 23:50-01:20 -> hour 25 up / 35 down; day 4.25 up / 1.50 down; week 4.50 up / 1.50 down.
        WeeklySchedule fridayNight =
                WeeklySchedule.of(List.of(new BusinessHours(4, LocalTime.of(20, 0), LocalTime.of(2, 0))));
        PollSeries polls = PollSeries.builder()
                .add(Instant.parse("2023-01-21T03:10:00Z"), true)
                .add(Instant.parse("2023-01-21T05:50:00Z"), false)
                .add(Instant.parse("2023-01-21T07:20:00Z"), true)
                .build();
        Instant now = Instant.parse("2023-01-21T07:45:00Z");
        assertThat(ReportCsv.line(new UptimeEngine(now, Interpolation.NEAREST)
                        .compute("s3", CHICAGO, fridayNight, polls)
                        .orElseThrow()))
                .isEqualTo("s3,60.00,3.67,3.92,0.00,2.08,2.08");
        assertThat(ReportCsv.line(new UptimeEngine(now, Interpolation.PREVIOUS)
                        .compute("s3", CHICAGO, fridayNight, polls)
                        .orElseThrow()))
                .isEqualTo("s3,25.00,4.25,4.50,35.00,1.50,1.50");
    }
}
