package dev.storemon.uptime;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * One zone's offsets over the span of time a report can touch, so that local times become instants by arithmetic
 * instead of time-zone rule look-ups. Times are epoch nanoseconds; "local" nanoseconds count from 1970-01-01T00:00
 * local time.
 */
final class ZoneSpan {

    /** Offsets in nanoseconds: {@code offsets[0]} before the first transition, {@code offsets[i + 1]} after the i-th. */
    private final long[] offsets;
    /** Instant of each transition. */
    private final long[] transitions;
    /** Local time from which each transition's offset-after applies (the end of its gap or of its overlap). */
    private final long[] localThresholds;

    private ZoneSpan(long[] offsets, long[] transitions, long[] localThresholds) {
        this.offsets = offsets;
        this.transitions = transitions;
        this.localThresholds = localThresholds;
    }

    static ZoneSpan of(ZoneId zone, long fromEpochNanos, long toEpochNanos) {
        ZoneRules rules = zone.getRules();
        Instant from = Instant.ofEpochSecond(Math.floorDiv(fromEpochNanos, 1_000_000_000L));
        Instant to = Instant.ofEpochSecond(Math.floorDiv(toEpochNanos, 1_000_000_000L) + 1);
        List<ZoneOffsetTransition> found = new ArrayList<>();
        for (ZoneOffsetTransition t = rules.nextTransition(from);
                t != null && t.getInstant().isBefore(to);
                t = rules.nextTransition(t.getInstant())) {
            found.add(t);
        }
        long[] offsets = new long[found.size() + 1];
        long[] transitions = new long[found.size()];
        long[] thresholds = new long[found.size()];
        offsets[0] = rules.getOffset(from).getTotalSeconds() * 1_000_000_000L;
        for (int i = 0; i < found.size(); i++) {
            ZoneOffsetTransition t = found.get(i);
            long before = t.getOffsetBefore().getTotalSeconds() * 1_000_000_000L;
            long after = t.getOffsetAfter().getTotalSeconds() * 1_000_000_000L;
            transitions[i] = t.getInstant().getEpochSecond() * 1_000_000_000L;
            // Before the threshold the offset before applies: ordinary times, but also every time in a gap (which
            // ZonedDateTime.of moves later by the gap, i.e. reads with the offset before) and every time in an
            // overlap (where ZonedDateTime.of takes the earlier offset, the one before).
            thresholds[i] = transitions[i] + Math.max(before, after);
            offsets[i + 1] = after;
        }
        return new ZoneSpan(offsets, transitions, thresholds);
    }

    /** Whether the offset is the same throughout the span. */
    boolean isFixed() {
        return transitions.length == 0;
    }

    /** The instant of a local date-time, resolved exactly as {@code ZonedDateTime.of(localDateTime, zone)} does. */
    long toEpochNanos(long localNanos) {
        long offset = offsets[0];
        for (int i = 0; i < localThresholds.length; i++) {
            if (localNanos >= localThresholds[i]) {
                offset = offsets[i + 1];
            }
        }
        return localNanos - offset;
    }

    /** The local date-time of an instant. */
    long toLocalNanos(long epochNanos) {
        long offset = offsets[0];
        for (int i = 0; i < transitions.length; i++) {
            if (epochNanos >= transitions[i]) {
                offset = offsets[i + 1];
            }
        }
        return epochNanos + offset;
    }
}
