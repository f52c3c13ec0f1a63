package dev.storemon.uptime;

import static dev.storemon.uptime.Fixture.UTC;
import static dev.storemon.uptime.Fixture.line;
import static dev.storemon.uptime.Fixture.polls;
import static dev.storemon.uptime.Fixture.row;
import static dev.storemon.uptime.Fixture.schedule;
import static dev.storemon.uptime.Interpolation.NEAREST;
import static dev.storemon.uptime.Interpolation.PREVIOUS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rule 7: which stores are reported, and what counts as one poll. */
class StoresReportedTest {

    private static final Instant NOW = Instant.parse("2023-01-16T12:00:00Z");

    @Test
    void aStoreWhoseOnlyPollsAreAfterNowIsNotReported() {
        PollSeries later = polls("2023-01-16T12:00:00.000001Z", true, "2023-01-16T13:00:00Z", false);
        for (Interpolation mode : Interpolation.values()) {
            Optional<StoreUptime> row =
                    new UptimeEngine(NOW, mode).compute("s", UTC, WeeklySchedule.alwaysOpen(), later);
            assertThat(row).isEmpty();
        }
    }

    @Test
    void aStoreWithoutPollsIsNotReported() {
        assertThat(new UptimeEngine(NOW, NEAREST)
                        .compute(
                                "s",
                                UTC,
                                WeeklySchedule.alwaysOpen(),
                                PollSeries.builder().build()))
                .isEmpty();
    }

    @Test
    void aStorePolledOnceHasThatStatusEverywhere() {
        // Open 09:00-17:00 every day (UTC); one inactive poll Monday 10:00; now Monday 2023-01-16 16:30.
        // Hour [15:30, 16:30): 60 min down. Day: Sunday 16:30-17:00 + Monday 09:00-16:30 = 0.5 + 7.5 = 8 h down.
        // Week: Monday 01-09 16:30-17:00 (0.5) + six full days (48) + Monday 01-16 (7.5) = 56 h down.
        WeeklySchedule nineToFive = schedule(
                row(0, "09:00", "17:00"),
                row(1, "09:00", "17:00"),
                row(2, "09:00", "17:00"),
                row(3, "09:00", "17:00"),
                row(4, "09:00", "17:00"),
                row(5, "09:00", "17:00"),
                row(6, "09:00", "17:00"));
        PollSeries once = polls("2023-01-16T10:00:00Z", false);
        assertThat(line("2023-01-16T16:30:00Z", NEAREST, UTC, nineToFive, once))
                .isEqualTo("s,0.00,0.00,0.00,60.00,8.00,56.00");
        assertThat(line("2023-01-16T16:30:00Z", PREVIOUS, UTC, nineToFive, once))
                .isEqualTo("s,0.00,0.00,0.00,60.00,8.00,56.00");
    }

    @Test
    void identicalPollsAreOnePollInactiveIfAnyIs() {
        // 10:00 is polled twice and the polls disagree: whatever the order, it is one inactive poll (added once
        // through add, once through addEpochMicros). With 11:00 active, now 11:30, nearest splits at 10:30.
        // Hour [10:30, 11:30): 60 min up. Day: 23 h down (until 10:30), 1 h up. Week: 167 down, 1 up.
        Instant ten = Instant.parse("2023-01-16T10:00:00Z");
        long tenMicros = ten.toEpochMilli() * 1000;
        PollSeries activeFirst = PollSeries.builder()
                .add(Instant.parse("2023-01-16T11:00:00Z"), true)
                .add(ten, true)
                .addEpochMicros(tenMicros, false)
                .build();
        PollSeries inactiveFirst = PollSeries.builder()
                .add(Instant.parse("2023-01-16T11:00:00Z"), true)
                .add(ten, false)
                .addEpochMicros(tenMicros, true)
                .build();
        for (PollSeries polls : new PollSeries[] {activeFirst, inactiveFirst}) {
            assertThat(polls.size()).isEqualTo(2);
            assertThat(line("2023-01-16T11:30:00Z", NEAREST, UTC, WeeklySchedule.alwaysOpen(), polls))
                    .isEqualTo("s,60.00,1.00,1.00,0.00,23.00,167.00");
        }
    }

    @Test
    void identicalPollsCollapseAlsoWhenAddedInOrder() {
        // Added in time order (the builder does not sort): 10:00 active then inactive, 11:00 active twice.
        PollSeries polls = PollSeries.builder()
                .add(Instant.parse("2023-01-16T10:00:00Z"), true)
                .add(Instant.parse("2023-01-16T10:00:00Z"), false)
                .add(Instant.parse("2023-01-16T11:00:00Z"), true)
                .add(Instant.parse("2023-01-16T11:00:00Z"), true)
                .build();
        assertThat(polls.size()).isEqualTo(2);
        assertThat(line("2023-01-16T11:30:00Z", NEAREST, UTC, WeeklySchedule.alwaysOpen(), polls))
                .isEqualTo("s,60.00,1.00,1.00,0.00,23.00,167.00");
    }

    @Test
    void aReusedBuilderStartsEmpty() {
        PollSeries.Builder builder = PollSeries.builder();
        builder.add(Instant.parse("2023-01-16T11:00:00Z"), false)
                .add(Instant.parse("2023-01-16T10:00:00Z"), true)
                .build();
        PollSeries second =
                builder.reset().add(Instant.parse("2023-01-16T11:00:00Z"), true).build();
        assertThat(second.size()).isEqualTo(1);
        assertThat(line("2023-01-16T12:00:00Z", NEAREST, UTC, WeeklySchedule.alwaysOpen(), second))
                .isEqualTo("s,60.00,24.00,168.00,0.00,0.00,0.00");
    }

    @Test
    void storeIdsAreOpaque() {
        String uuid = "3b8e6a4c-2f1d-4c1e-9a57-0d7f3c2b1a90";
        StoreUptime row = new UptimeEngine(NOW, NEAREST)
                .compute(uuid, UTC, WeeklySchedule.alwaysOpen(), polls("2023-01-16T11:00:00Z", true))
                .orElseThrow();
        assertThat(ReportCsv.line(row)).isEqualTo(uuid + ",60.00,24.00,168.00,0.00,0.00,0.00");
    }
}
