package dev.storemon.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.uptime.ReferenceOracle.Figures;
import dev.storemon.uptime.ReferenceOracle.Poll;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The engine against {@link ReferenceOracle} on random schedules (several rows a day, overnight rows, overlaps, none),
 * random polls (before the window, after now, duplicated instants) and zones with and without daylight saving, with
 * {@code now} often placed so that an offset transition falls inside the week.
 */
class EnginePropertiesTest {

    private static final long HOUR = 3_600_000_000_000L;
    private static final List<String> ZONES = List.of("UTC", "America/Chicago", "America/New_York",
            "America/Los_Angeles", "America/Santiago", "America/Havana", "America/St_Johns", "Europe/London",
            "Asia/Beirut", "Asia/Kolkata", "Australia/Lord_Howe", "Pacific/Chatham", "Africa/Casablanca");
    private static final long FROM_2023 = Instant.parse("2023-01-01T00:00:00Z").getEpochSecond();
    private static final long TO_2024 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    record Case(Instant now, Interpolation mode, ZoneId zone, List<BusinessHours> rows, List<Poll> polls) {

        Optional<StoreUptime> engine() {
            PollSeries.Builder builder = PollSeries.builder();
            polls.forEach(p -> builder.add(p.at(), p.active()));
            return new UptimeEngine(now, mode).compute("s", zone, WeeklySchedule.of(rows), builder.build());
        }

        Figures oracle() {
            return ReferenceOracle.compute(now, mode, zone, rows, polls);
        }
    }

    @Property(tries = 1000)
    void engineEqualsTheReferenceToTheNanosecond(@ForAll("cases") Case c) {
        Optional<StoreUptime> engine = c.engine();
        Figures oracle = c.oracle();
        assertThat(engine.isPresent()).as("reported").isEqualTo(oracle != null);
        if (oracle == null) {
            return;
        }
        StoreUptime row = engine.orElseThrow();
        assertThat(List.of(row.uptimeLastHourNanos(), row.uptimeLastDayNanos(), row.uptimeLastWeekNanos(),
                row.downtimeLastHourNanos(), row.downtimeLastDayNanos(), row.downtimeLastWeekNanos()))
                .isEqualTo(List.of(oracle.upHour(), oracle.upDay(), oracle.upWeek(), oracle.openHour() - oracle.upHour(),
                        oracle.openDay() - oracle.upDay(), oracle.openWeek() - oracle.upWeek()));
    }

    @Property(tries = 300)
    void upPlusDownIsBusinessTimeWithinBounds(@ForAll("cases") Case c) {
        Optional<StoreUptime> engine = c.engine();
        Figures oracle = c.oracle();
        if (engine.isEmpty()) {
            assertThat(oracle).isNull();
            return;
        }
        StoreUptime row = engine.get();
        assertThat(row.uptimeLastHourNanos() + row.downtimeLastHourNanos()).isEqualTo(oracle.openHour());
        assertThat(row.uptimeLastDayNanos() + row.downtimeLastDayNanos()).isEqualTo(oracle.openDay());
        assertThat(row.uptimeLastWeekNanos() + row.downtimeLastWeekNanos()).isEqualTo(oracle.openWeek());
        assertThat(List.of(row.uptimeLastHourNanos(), row.uptimeLastDayNanos(), row.uptimeLastWeekNanos(),
                row.downtimeLastHourNanos(), row.downtimeLastDayNanos(), row.downtimeLastWeekNanos()))
                .allSatisfy(nanos -> assertThat(nanos).isNotNegative());
        assertThat(oracle.openHour()).isLessThanOrEqualTo(HOUR);
        assertThat(oracle.openDay()).isLessThanOrEqualTo(24 * HOUR);
        assertThat(oracle.openWeek()).isLessThanOrEqualTo(168 * HOUR);
        assertThat(row.uptimeLastHour().add(row.downtimeLastHour())).isLessThanOrEqualTo(new BigDecimal("60.01"));
        assertThat(row.uptimeLastDay()).isEqualTo(halfUp(row.uptimeLastDayNanos(), HOUR));
        assertThat(row.downtimeLastWeek()).isEqualTo(halfUp(row.downtimeLastWeekNanos(), HOUR));
        assertThat(row.uptimeLastHour()).isEqualTo(halfUp(row.uptimeLastHourNanos(), HOUR / 60));
        BigDecimal businessWeek = halfUp(oracle.openWeek(), HOUR);
        assertThat(row.uptimeLastWeek().add(row.downtimeLastWeek()).subtract(businessWeek).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    private static BigDecimal halfUp(long nanos, long unit) {
        return new BigDecimal(nanos).divide(new BigDecimal(unit), 2, RoundingMode.HALF_UP);
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.of(ZONES).map(ZoneId::of).flatMap(zone -> Combinators.combine(
                nows(zone), Arbitraries.of(Interpolation.class), rows(), pollOffsets())
                .as((now, mode, rows, offsets) -> new Case(now, mode, zone, rows,
                        offsets.stream().map(o -> new Poll(now.plusNanos(o.nanos), o.active)).toList())));
    }

    /** Anywhere in 2023, or up to a day before / 8 days after one of the zone's offset transitions. */
    private Arbitrary<Instant> nows(ZoneId zone) {
        Arbitrary<Long> seconds = Arbitraries.longs().between(FROM_2023, TO_2024);
        Arbitrary<Long> shift = Arbitraries.longs().between(-86_400, 8 * 86_400);
        Arbitrary<Integer> micros = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0)), Tuple.of(1,
                        Arbitraries.integers().between(0, 999_999)));
        return Combinators.combine(seconds, shift, Arbitraries.of(true, false), micros).as((s, d, nearTransition, us) -> {
            Instant base = Instant.ofEpochSecond(s);
            ZoneOffsetTransition next = zone.getRules().nextTransition(base);
            Instant at = nearTransition && next != null ? next.getInstant().plusSeconds(d) : base;
            return at.plusNanos(us * 1_000L);
        });
    }

    private Arbitrary<List<BusinessHours>> rows() {
        Arbitrary<LocalTime> times = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(LocalTime.MIDNIGHT, LocalTime.of(0, 30), LocalTime.of(1, 0),
                        LocalTime.of(1, 30), LocalTime.of(2, 0), LocalTime.of(2, 30), LocalTime.of(3, 0),
                        LocalTime.NOON, LocalTime.of(22, 0), LocalTime.of(23, 30), LocalTime.of(23, 59),
                        LocalTime.of(23, 59, 59), LocalTime.of(23, 58, 59))),
                Tuple.of(3, Arbitraries.integers().between(0, 86_399).map(LocalTime::ofSecondOfDay)));
        Arbitrary<BusinessHours> row = Combinators.combine(Arbitraries.integers().between(0, 6), times, times)
                .as(BusinessHours::new);
        return row.list().ofMinSize(0).ofMaxSize(12);
    }

    record Offset(long nanos, boolean active) {
    }

    /** Poll times relative to now: mostly inside the week, some before it, some after now, some on round values. */
    private Arbitrary<List<Offset>> pollOffsets() {
        Arbitrary<Long> seconds = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(-8 * 86_400, 0)),
                Tuple.of(1, Arbitraries.longs().between(-12 * 86_400, -7 * 86_400)),
                Tuple.of(1, Arbitraries.longs().between(0, 86_400)),
                Tuple.of(2, Arbitraries.of(0L, -1_800L, -3_600L, -86_400L, -7 * 86_400L)));
        Arbitrary<Long> micros = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(1, Arbitraries.longs().between(0, 999_999)));
        Arbitrary<Offset> offset = Combinators.combine(seconds, micros, Arbitraries.of(true, false))
                .as((s, us, active) -> new Offset(s * 1_000_000_000L + us * 1_000L, active));
        return offset.list().ofMinSize(0).ofMaxSize(40);
    }
}
