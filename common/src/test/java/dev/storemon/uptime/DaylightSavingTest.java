package dev.storemon.uptime;

import static dev.storemon.uptime.Fixture.NEW_YORK;
import static dev.storemon.uptime.Fixture.line;
import static dev.storemon.uptime.Fixture.polls;
import static dev.storemon.uptime.Fixture.row;
import static dev.storemon.uptime.Fixture.schedule;
import static dev.storemon.uptime.Interpolation.NEAREST;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rule 4: local times become instants as {@code ZonedDateTime.of} resolves them. America/New_York: 2023-03-12 02:00 EST
 * jumps to 03:00 EDT (gap); 2023-11-05 02:00 EDT falls back to 01:00 EST (01:00-02:00 happens twice).
 */
class DaylightSavingTest {

    /** Monday 2023-03-13 08:00 EDT. */
    private static final String AFTER_SPRING = "2023-03-13T12:00:00Z";
    /** Monday 2023-11-06 07:00 EST. */
    private static final String AFTER_FALL = "2023-11-06T12:00:00Z";

    private static final PollSeries ACTIVE_SPRING = polls(AFTER_SPRING, true);
    private static final PollSeries ACTIVE_FALL = polls(AFTER_FALL, true);

    @Test
    void theSpringForwardDayHas23BusinessHours() {
        // Sunday 00:00 EST (05:00Z) to Monday 00:00 EDT (03-13 04:00Z) = 23 h.
        // Day from 03-12 12:00Z: 12:00Z-04:00Z = 16 h. Week from 03-06 12:00Z: the whole 23 h. Hour: 0.
        String expected = "s,0.00,16.00,23.00,0.00,0.00,0.00";
        assertThat(line(AFTER_SPRING, NEAREST, NEW_YORK, schedule(row(6, "00:00", "23:59")), ACTIVE_SPRING))
                .isEqualTo(expected);
        assertThat(line(AFTER_SPRING, NEAREST, NEW_YORK, schedule(row(6, "00:00", "00:00")), ACTIVE_SPRING))
                .isEqualTo(expected);
    }

    @Test
    void aRowStartingInsideTheGapStartsLaterByTheGap() {
        // Sunday 02:30 does not exist: it becomes 03:30 EDT (07:30Z). Until 04:00 EDT (08:00Z): 0.5 h.
        assertThat(line(AFTER_SPRING, NEAREST, NEW_YORK, schedule(row(6, "02:30", "04:00")), ACTIVE_SPRING))
                .isEqualTo("s,0.00,0.00,0.50,0.00,0.00,0.00");
        // A row wholly inside the gap moves as a whole: 02:10-02:50 -> 03:10-03:50 EDT = 40 min = 0.67 h.
        assertThat(line(AFTER_SPRING, NEAREST, NEW_YORK, schedule(row(6, "02:10", "02:50")), ACTIVE_SPRING))
                .isEqualTo("s,0.00,0.00,0.67,0.00,0.00,0.00");
        // A row spanning the gap is an hour shorter: 01:00 EST (06:00Z) to 04:00 EDT (08:00Z) = 2 h.
        assertThat(line(AFTER_SPRING, NEAREST, NEW_YORK, schedule(row(6, "01:00", "04:00")), ACTIVE_SPRING))
                .isEqualTo("s,0.00,0.00,2.00,0.00,0.00,0.00");
    }

    @Test
    void aRowStartingInTheGapAndEndingBeforeItsResolvedStartIsEmpty() {
        // 02:30-03:15: the start moves to 03:30 EDT, after the end 03:15 EDT: no business time at all.
        // Together with 03:00-03:10 (10 min = 0.17 h) only those 10 minutes count.
        assertThat(line(
                        AFTER_SPRING,
                        NEAREST,
                        NEW_YORK,
                        schedule(row(6, "02:30", "03:15"), row(6, "03:00", "03:10")),
                        ACTIVE_SPRING))
                .isEqualTo("s,0.00,0.00,0.17,0.00,0.00,0.00");
    }

    @Test
    void anOvernightRowAcrossTheGap() {
        // Saturday 23:00 EST (03-12 04:00Z) to Sunday 04:00 EDT (08:00Z) = 4 h, though the clock moves 5 h.
        assertThat(line(AFTER_SPRING, NEAREST, NEW_YORK, schedule(row(5, "23:00", "04:00")), ACTIVE_SPRING))
                .isEqualTo("s,0.00,0.00,4.00,0.00,0.00,0.00");
    }

    @Test
    void theFallBackDayHas25BusinessHours() {
        // Sunday 00:00 EDT (11-05 04:00Z) to Monday 00:00 EST (11-06 05:00Z) = 25 h.
        // Day from 11-05 12:00Z: 12:00Z-05:00Z = 17 h. Week from 10-30 12:00Z: the whole 25 h. Hour: 0.
        assertThat(line(AFTER_FALL, NEAREST, NEW_YORK, schedule(row(6, "00:00", "23:59")), ACTIVE_FALL))
                .isEqualTo("s,0.00,17.00,25.00,0.00,0.00,0.00");
    }

    @Test
    void aRowInsideTheOverlapTakesTheEarlierOffset() {
        // Sunday 01:15-01:45 is read as EDT: 05:15Z-05:45Z. Polls: 05:30Z (01:30 EDT) active, 06:30Z (01:30 EST)
        // inactive; nearest splits at 06:00Z, so the whole half hour is up: 0.5 h up, 0 down.
        // (Read as EST, 06:15Z-06:45Z, it would be 0.5 h down.)
        PollSeries polls = polls("2023-11-05T05:30:00Z", true, "2023-11-05T06:30:00Z", false);
        assertThat(line(AFTER_FALL, NEAREST, NEW_YORK, schedule(row(6, "01:15", "01:45")), polls))
                .isEqualTo("s,0.00,0.00,0.50,0.00,0.00,0.00");
    }

    @Test
    void aRowEndingAfterTheOverlapIsAnHourLonger() {
        // Sunday 01:30 EDT (05:30Z) to 02:30 EST (07:30Z) = 2 h, though the clock shows 1 h.
        assertThat(line(AFTER_FALL, NEAREST, NEW_YORK, schedule(row(6, "01:30", "02:30")), ACTIVE_FALL))
                .isEqualTo("s,0.00,0.00,2.00,0.00,0.00,0.00");
    }
}
