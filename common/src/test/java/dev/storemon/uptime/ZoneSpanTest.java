package dev.storemon.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import org.junit.jupiter.api.Test;

/** Rule 4 at its root: the engine's arithmetic resolves local times exactly as {@code ZonedDateTime.of} does. */
class ZoneSpanTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long DAY = 86_400 * SECOND;

    @Test
    void resolvesLikeZonedDateTimeAroundEveryTransitionOf2023InEveryZone() {
        Instant from = Instant.parse("2023-01-01T00:00:00Z");
        Instant to = Instant.parse("2024-01-01T00:00:00Z");
        int transitions = 0;
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZoneId zone = ZoneId.of(id);
            for (ZoneOffsetTransition t = zone.getRules().nextTransition(from);
                    t != null && t.getInstant().isBefore(to);
                    t = zone.getRules().nextTransition(t.getInstant())) {
                checkAround(zone, t.getInstant().getEpochSecond() * SECOND);
                transitions++;
            }
            checkAround(zone, Instant.parse("2023-06-15T12:00:00Z").getEpochSecond() * SECOND);
        }
        assertThat(transitions).as("transitions checked").isGreaterThan(100);
    }

    /** Every local time, 5 minutes apart, from 2 days before to 2 days after the instant; and the way back. */
    private static void checkAround(ZoneId zone, long epochNanos) {
        ZoneSpan span = ZoneSpan.of(zone, epochNanos - 3 * DAY, epochNanos + 3 * DAY);
        long startLocal = (epochNanos - 2 * DAY) / DAY * DAY;
        for (long local = startLocal; local < startLocal + 4 * DAY; local += 300 * SECOND) {
            LocalDateTime dateTime = LocalDateTime.ofEpochSecond(local / SECOND, 0, ZoneOffset.UTC);
            long expected = ZonedDateTime.of(dateTime, zone).toEpochSecond() * SECOND;
            assertThat(span.toEpochNanos(local)).as("%s %s", zone, dateTime).isEqualTo(expected);
        }
        for (long instant = epochNanos - 2 * DAY; instant < epochNanos + 2 * DAY; instant += 300 * SECOND) {
            LocalDateTime expected = LocalDateTime.ofInstant(Instant.ofEpochSecond(instant / SECOND), zone);
            assertThat(span.toLocalNanos(instant))
                    .as("%s %s", zone, expected)
                    .isEqualTo(expected.toEpochSecond(ZoneOffset.UTC) * SECOND);
        }
    }
}
