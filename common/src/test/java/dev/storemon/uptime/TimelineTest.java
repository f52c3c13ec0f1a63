package dev.storemon.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.uptime.StoreTimeline.PollMark;
import dev.storemon.uptime.StoreTimeline.Segment;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link UptimeEngine#timeline}: the pieces the engine sums, on the worked examples of docs/semantics.md. */
class TimelineTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final WeeklySchedule MONDAY_MORNING =
            WeeklySchedule.of(List.of(new BusinessHours(0, LocalTime.of(9, 0), LocalTime.of(12, 0))));
    private static final PollSeries POLLS = PollSeries.builder()
            .add(Instant.parse("2023-01-16T16:14:00Z"), false)
            .add(Instant.parse("2023-01-16T17:15:00Z"), true)
            .add(Instant.parse("2023-01-16T19:00:00Z"), false) // after now: not used
            .build();
    private static final Instant NOW = Instant.parse("2023-01-16T18:30:00Z");

    @Test
    void nearestSwitchesAtTheMidpointAndTheFiguresAreTheReportsOwn() {
        UptimeEngine engine = new UptimeEngine(NOW, Interpolation.NEAREST);
        StoreTimeline timeline =
                engine.timeline("s1", CHICAGO, MONDAY_MORNING, POLLS).orElseThrow();

        // 09:00-10:44:30 local down, 10:44:30-12:00 up (CST = UTC-6)
        assertThat(timeline.segments())
                .containsExactly(
                        new Segment(
                                Instant.parse("2023-01-16T15:00:00Z"), Instant.parse("2023-01-16T16:44:30Z"), false),
                        new Segment(
                                Instant.parse("2023-01-16T16:44:30Z"), Instant.parse("2023-01-16T18:00:00Z"), true));
        assertThat(timeline.polls())
                .containsExactly(
                        new PollMark(Instant.parse("2023-01-16T16:14:00Z"), false),
                        new PollMark(Instant.parse("2023-01-16T17:15:00Z"), true));
        assertThat(ReportCsv.line(timeline.figures())).isEqualTo("s1,30.00,1.26,1.26,0.00,1.74,1.74");
        assertThat(timeline.figures())
                .isEqualTo(engine.compute("s1", CHICAGO, MONDAY_MORNING, POLLS).orElseThrow());
    }

    @Test
    void previousCarriesTheFirstPollBackAndSwitchesAtEachPoll() {
        StoreTimeline timeline = new UptimeEngine(NOW, Interpolation.PREVIOUS)
                .timeline("s1", CHICAGO, MONDAY_MORNING, POLLS)
                .orElseThrow();

        assertThat(timeline.segments())
                .containsExactly(
                        new Segment(
                                Instant.parse("2023-01-16T15:00:00Z"), Instant.parse("2023-01-16T17:15:00Z"), false),
                        new Segment(
                                Instant.parse("2023-01-16T17:15:00Z"), Instant.parse("2023-01-16T18:00:00Z"), true));
        assertThat(ReportCsv.line(timeline.figures())).isEqualTo("s1,30.00,0.75,0.75,0.00,2.25,2.25");
    }

    @Test
    void onlyTheLastPollBeforeTheWeekIsUsedAndTouchingPiecesOfOneStatusAreJoined() {
        // Always open, all polls active: one piece, the whole week; of the polls before the week only the last counts.
        PollSeries polls = PollSeries.builder()
                .add(NOW.minusSeconds(9 * 86_400), true)
                .add(NOW.minusSeconds(8 * 86_400), true)
                .add(NOW.minusSeconds(3 * 86_400), true)
                .add(NOW, true)
                .build();
        StoreTimeline timeline = new UptimeEngine(NOW, Interpolation.NEAREST)
                .timeline("s", CHICAGO, WeeklySchedule.alwaysOpen(), polls)
                .orElseThrow();

        assertThat(timeline.segments()).containsExactly(new Segment(NOW.minusSeconds(7 * 86_400), NOW, true));
        assertThat(timeline.polls())
                .extracting(PollMark::at)
                .containsExactly(NOW.minusSeconds(8 * 86_400), NOW.minusSeconds(3 * 86_400), NOW);
    }

    @Test
    void aStoreWithoutAPollAtOrBeforeNowHasNoTimeline() {
        PollSeries later = PollSeries.builder().add(NOW.plusSeconds(1), true).build();
        assertThat(new UptimeEngine(NOW, Interpolation.NEAREST).timeline("s", CHICAGO, MONDAY_MORNING, later))
                .isEmpty();
    }
}
