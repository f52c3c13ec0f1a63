package dev.storemon.uptime;

import static dev.storemon.uptime.Fixture.UTC;
import static dev.storemon.uptime.Fixture.compute;
import static dev.storemon.uptime.Fixture.line;
import static dev.storemon.uptime.Fixture.polls;
import static dev.storemon.uptime.Fixture.row;
import static dev.storemon.uptime.Fixture.schedule;
import static dev.storemon.uptime.Interpolation.NEAREST;
import static dev.storemon.uptime.Interpolation.PREVIOUS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rule 6: the status between polls, in both modes; every poll is evidence, wherever it lies. Zone: UTC. */
class InterpolationTest {

    private static final WeeklySchedule ALWAYS = WeeklySchedule.alwaysOpen();

    @Test
    void nearestSplitsAtMidpointsAndPreviousCarriesForward() {
        // Polls 10:00 active, 11:00 inactive, 11:20 active; now 12:00.
        // nearest: switches at 10:30 (down) and 11:10 (up). Hour [11:00, 12:00): 10 down, 50 up.
        //   Day: down 10:30-11:10 = 40 min = 0.67 h, up 24 h - 40 min = 23.33 h. Week: up 167.33 h.
        // previous: down 11:00-11:20. Hour: 20 down, 40 up. Day: 0.33 h down, 23.67 h up. Week: 167.67 h up.
        PollSeries polls =
                polls("2023-01-16T10:00:00Z", true, "2023-01-16T11:00:00Z", false, "2023-01-16T11:20:00Z", true);
        assertThat(line("2023-01-16T12:00:00Z", NEAREST, UTC, ALWAYS, polls))
                .isEqualTo("s,50.00,23.33,167.33,10.00,0.67,0.67");
        assertThat(line("2023-01-16T12:00:00Z", PREVIOUS, UTC, ALWAYS, polls))
                .isEqualTo("s,40.00,23.67,167.67,20.00,0.33,0.33");
    }

    @Test
    void beforeTheFirstPollItsStatusCarriesBack() {
        // Polls 11:30 inactive, 11:50 active; now 12:00; no earlier poll.
        // previous: inactive until 11:50. Hour: 10 up, 50 down. Day: 10 min = 0.17 h up, 23 h 50 min = 23.83 h down.
        //   Week: 0.17 up, 167 h 50 min = 167.83 h down.
        // nearest: switches at 11:40. Hour: 20 up, 40 down. Day: 0.33 up, 23.67 down. Week: 0.33 up, 167.67 down.
        PollSeries polls = polls("2023-01-16T11:30:00Z", false, "2023-01-16T11:50:00Z", true);
        assertThat(line("2023-01-16T12:00:00Z", PREVIOUS, UTC, ALWAYS, polls))
                .isEqualTo("s,10.00,0.17,0.17,50.00,23.83,167.83");
        assertThat(line("2023-01-16T12:00:00Z", NEAREST, UTC, ALWAYS, polls))
                .isEqualTo("s,20.00,0.33,0.33,40.00,23.67,167.67");
    }

    @Test
    void pollsOutsideBusinessHoursAreEvidence() {
        // Open Monday 09:00-10:00 only. Polls 08:00 inactive and 11:00 active, both outside; now Monday 12:00.
        // nearest: switches at 09:30: 09:00-09:30 down, 09:30-10:00 up -> day and week 0.5 up, 0.5 down; hour 0.
        // previous: inactive from 08:00 to 11:00 -> the whole business hour is down.
        WeeklySchedule mondayNine = schedule(row(0, "09:00", "10:00"));
        PollSeries polls = polls("2023-01-16T08:00:00Z", false, "2023-01-16T11:00:00Z", true);
        assertThat(line("2023-01-16T12:00:00Z", NEAREST, UTC, mondayNine, polls))
                .isEqualTo("s,0.00,0.50,0.50,0.00,0.50,0.50");
        assertThat(line("2023-01-16T12:00:00Z", PREVIOUS, UTC, mondayNine, polls))
                .isEqualTo("s,0.00,0.00,0.00,0.00,1.00,1.00");
    }

    @Test
    void pollsBeforeTheWindowAreEvidence() {
        // now Monday 2023-01-16 12:00; the week starts Monday 01-09 12:00.
        // Polls 01-01 00:00 inactive, 01-09 11:00 active (before the week), 01-09 14:00 inactive.
        // previous: up 01-09 12:00-14:00 = 2 h, down the other 166 h; day and hour all down.
        // nearest: 11:00 and 14:00 split at 12:30: up 0.5 h, down 167.5 h.
        // (Ignoring the 11:00 poll would leave no uptime at all.)
        PollSeries polls =
                polls("2023-01-01T00:00:00Z", false, "2023-01-09T11:00:00Z", true, "2023-01-09T14:00:00Z", false);
        assertThat(line("2023-01-16T12:00:00Z", PREVIOUS, UTC, ALWAYS, polls))
                .isEqualTo("s,0.00,0.00,2.00,60.00,24.00,166.00");
        assertThat(line("2023-01-16T12:00:00Z", NEAREST, UTC, ALWAYS, polls))
                .isEqualTo("s,0.00,0.00,0.50,60.00,24.00,167.50");
    }

    @Test
    void anInstantHalfWayBetweenTwoPollsTakesTheLaterOne() {
        // Polls t active and t + 2 ns inactive; now = t + 2 ns. The instant t + 1 ns is 1 ns from each poll:
        // nearest gives it to the later (inactive) poll, so exactly 1 ns of the hour is down.
        // previous keeps t's status until t + 2 ns = now: nothing is down.
        Instant t = Instant.parse("2023-01-16T12:00:00Z");
        PollSeries polls =
                PollSeries.builder().add(t, true).add(t.plusNanos(2), false).build();
        String now = t.plusNanos(2).toString();
        StoreUptime nearest = compute(now, NEAREST, UTC, ALWAYS, polls);
        assertThat(nearest.downtimeLastHourNanos()).isEqualTo(1L);
        assertThat(nearest.uptimeLastHourNanos()).isEqualTo(3_600_000_000_000L - 1);
        assertThat(compute(now, PREVIOUS, UTC, ALWAYS, polls).downtimeLastHourNanos())
                .isZero();
    }

    @Test
    void modesHaveWireNames() {
        assertThat(Interpolation.parse("nearest")).isEqualTo(NEAREST);
        assertThat(Interpolation.parse(" PREVIOUS ")).isEqualTo(PREVIOUS);
        assertThat(NEAREST.wireName()).isEqualTo("nearest");
        assertThat(PREVIOUS.wireName()).isEqualTo("previous");
        assertThatThrownBy(() -> Interpolation.parse("linear"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'nearest' or 'previous'");
        assertThatThrownBy(() -> Interpolation.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
