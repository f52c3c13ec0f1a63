package dev.storemon.uptime;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A deliberately naive second implementation of docs/semantics.md, written without looking at the engine's tricks:
 * business intervals come from {@code ZonedDateTime.of} for every local day and row, the status of an instant comes
 * from a linear scan over the polls, and time is summed between every point where either could change.
 */
final class ReferenceOracle {

    record Poll(Instant at, boolean active) {}

    /** Nanoseconds of business time (open) and of active business time (up) per window. */
    record Figures(long upHour, long upDay, long upWeek, long openHour, long openDay, long openWeek) {}

    private static final long HOUR = 3_600_000_000_000L;

    private final Interpolation mode;
    private final List<Poll> polls = new ArrayList<>();
    private final List<Instant[]> business = new ArrayList<>();
    private final long now;
    private final long weekStart;

    private ReferenceOracle(Instant now, Interpolation mode) {
        this.now = nanos(now);
        this.weekStart = this.now - 168 * HOUR;
        this.mode = mode;
    }

    /** The figures, or null when the store has no poll at or before {@code now}. */
    static Figures compute(Instant now, Interpolation mode, ZoneId zone, List<BusinessHours> rows, List<Poll> polls) {
        ReferenceOracle oracle = new ReferenceOracle(now, mode);
        // Polls at the same instant are one poll, inactive if any of them is (rule 7).
        Map<Instant, Boolean> byInstant = new HashMap<>();
        for (Poll poll : polls) {
            if (!poll.at().isAfter(now)) {
                byInstant.merge(poll.at(), poll.active(), Boolean::logicalAnd);
            }
        }
        byInstant.forEach((at, active) -> oracle.polls.add(new Poll(at, active)));
        if (oracle.polls.isEmpty()) {
            return null;
        }
        oracle.polls.sort(Comparator.comparing(Poll::at));
        oracle.buildBusiness(now, zone, rows);
        return oracle.sum();
    }

    private void buildBusiness(Instant now, ZoneId zone, List<BusinessHours> rows) {
        if (rows.isEmpty()) {
            business.add(new Instant[] {now.minus(Duration.ofDays(7)), now});
            return;
        }
        LocalDate from =
                LocalDate.ofInstant(now.minus(Duration.ofDays(7)), zone).minusDays(3);
        LocalDate to = LocalDate.ofInstant(now, zone).plusDays(2);
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            for (BusinessHours row : rows) {
                if (row.dayOfWeek() != date.getDayOfWeek().getValue() - 1) {
                    continue;
                }
                LocalDateTime start = date.atTime(row.start());
                LocalDateTime end;
                if (!row.end().isBefore(LocalTime.of(23, 59)) && row.end().isAfter(row.start())) {
                    end = date.plusDays(1).atStartOfDay();
                } else if (!row.end().isAfter(row.start())) {
                    end = date.plusDays(1).atTime(row.end());
                } else {
                    end = date.atTime(row.end());
                }
                business.add(new Instant[] {
                    ZonedDateTime.of(start, zone).toInstant(),
                    ZonedDateTime.of(end, zone).toInstant()
                });
            }
        }
    }

    private Figures sum() {
        TreeSet<Long> cuts = new TreeSet<>(List.of(weekStart, now - 24 * HOUR, now - HOUR, now));
        for (Instant[] interval : business) {
            cuts.add(nanos(interval[0]));
            cuts.add(nanos(interval[1]));
        }
        for (int i = 0; i < polls.size(); i++) {
            long at = nanos(polls.get(i).at());
            cuts.add(at);
            if (i > 0) {
                long before = nanos(polls.get(i - 1).at());
                cuts.add(before + (at - before) / 2);
                cuts.add(before + (at - before) / 2 + 1);
            }
        }
        long[] up = new long[3];
        long[] open = new long[3];
        long[] windowStarts = {now - HOUR, now - 24 * HOUR, weekStart};
        Long previous = null;
        for (long cut : cuts.subSet(weekStart, true, now, true)) {
            if (previous != null && isBusiness(previous)) {
                boolean active = statusAt(previous);
                for (int w = 0; w < 3; w++) {
                    if (previous >= windowStarts[w]) {
                        open[w] += cut - previous;
                        up[w] += active ? cut - previous : 0;
                    }
                }
            }
            previous = cut;
        }
        return new Figures(up[0], up[1], up[2], open[0], open[1], open[2]);
    }

    private boolean isBusiness(long t) {
        for (Instant[] interval : business) {
            if (nanos(interval[0]) <= t && t < nanos(interval[1])) {
                return true;
            }
        }
        return false;
    }

    private boolean statusAt(long t) {
        if (mode == Interpolation.PREVIOUS) {
            Poll last = polls.get(0);
            for (Poll poll : polls) {
                if (nanos(poll.at()) <= t) {
                    last = poll;
                }
            }
            return last.active();
        }
        Poll nearest = null;
        long best = Long.MAX_VALUE;
        for (Poll poll : polls) {
            long distance = Math.abs(t - nanos(poll.at()));
            // Sorted ascending, so "<=" lets a later poll at the same distance win the tie.
            if (distance <= best) {
                best = distance;
                nearest = poll;
            }
        }
        return nearest.active();
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
