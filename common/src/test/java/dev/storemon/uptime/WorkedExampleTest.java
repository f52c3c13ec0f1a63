package dev.storemon.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of docs/semantics.md. */
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
                .compute("s1", CHICAGO, MONDAY_MORNING, POLLS).orElseThrow();
        assertThat(ReportCsv.line(row)).isEqualTo("s1,30.00,1.26,1.26,0.00,1.74,1.74");
    }

    @Test
    void previous() {
        StoreUptime row = new UptimeEngine(NOW, Interpolation.PREVIOUS)
                .compute("s1", CHICAGO, MONDAY_MORNING, POLLS).orElseThrow();
        assertThat(ReportCsv.line(row)).isEqualTo("s1,30.00,0.75,0.75,0.00,2.25,2.25");
    }
}
