package dev.storemon.uptime;

import java.time.Instant;
import java.util.List;

/**
 * One store's week as the engine counted it: the pieces of business time inside {@code [now - 168 h, now)} with the
 * status each was given, the polls that decided them, and the figures summed from exactly those pieces.
 *
 * @param figures  the six figures, summed by the same walk that produced {@code segments}
 * @param segments the business time inside the week, sorted and disjoint; touching pieces of the same status are joined
 *                 (that changes no sum)
 * @param polls    the polls the walk used: the last one before the week (if any), then every one up to {@code now}
 */
public record StoreTimeline(StoreUptime figures, List<Segment> segments, List<PollMark> polls) {

    /**
     * A piece of business time, {@code [start, end)}, with one status.
     *
     * @param start  its first instant
     * @param end    the instant after its last
     * @param active whether the store counted as up
     */
    public record Segment(Instant start, Instant end, boolean active) {}

    /**
     * A poll as the engine saw it (identical instants already collapsed, docs/semantics.md rule 7).
     *
     * @param at     when the store was polled
     * @param active whether it answered active
     */
    public record PollMark(Instant at, boolean active) {}
}
