package dev.storemon.gateway.report;

import dev.storemon.gateway.web.ApiProblem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which as_of a report may have on a data version. The default is the version's latest poll, but never later than
 * now (a poll from the future, should one get in, cannot move every default report into the future). An explicit
 * as_of must lie within a week of the loaded polls: from the version's first poll minus {@link #MARGIN} to its latest
 * poll plus {@link #MARGIN}, both ends included; outside, every figure would be extrapolated from polls over a week
 * away, which is a mistake, not a report.
 */
@Component
class AsOfRange {

    static final Duration MARGIN = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;
    /**
     * A version's polls never change once it exists, so its first poll is read once; keyed by the version and its
     * creation time, so that a database rebuilt with the same version numbers is not answered from the cache.
     */
    private final Map<String, Instant> firstPolls = new ConcurrentHashMap<>();

    AsOfRange(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /**
     * The as_of of a new report.
     *
     * @param requested    the as_of asked for, or null for the default
     * @param version      the pinned data version
     * @param createdAt    when the version was created
     * @param latestPollAt its latest poll, or null when it holds none
     * @return the as_of, or null when there is no default (no polls and none asked for)
     * @throws ApiProblem 400 naming the range when {@code requested} is outside it
     */
    Instant resolve(Instant requested, long version, Instant createdAt, Instant latestPollAt) {
        if (requested == null) {
            if (latestPollAt == null) {
                return null;
            }
            Instant now = clock.instant();
            return latestPollAt.isAfter(now) ? now : latestPollAt;
        }
        if (latestPollAt == null) {
            return requested; // no polls, no range: every figure is zero whatever the as_of
        }
        Instant first = firstPolls.computeIfAbsent(version + "@" + createdAt, key -> firstPoll(version));
        if (first == null) {
            first = latestPollAt;
        }
        Instant earliest = first.minus(MARGIN);
        Instant latest = latestPollAt.plus(MARGIN);
        if (requested.isBefore(earliest) || requested.isAfter(latest)) {
            ApiProblem problem = new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "as-of-out-of-range",
                    "as_of out of range",
                    "as_of " + requested + " is outside the loaded data of data version " + version + ": polls from "
                            + first + " to " + latestPollAt + ", so as_of must be from " + earliest + " to " + latest
                            + " (a week either side)",
                    null);
            problem.getBody().setProperty("earliest_as_of", earliest.toString());
            problem.getBody().setProperty("latest_as_of", latest.toString());
            throw problem;
        }
        return requested;
    }

    /**
     * The version's first poll as the ingest recorded it (V133); for a version loaded before, the first poll of each
     * store by its primary key (store_key, ts): one index probe per store, not a scan of polls.
     */
    private Instant firstPoll(long version) {
        Optional<OffsetDateTime> recorded = jdbc.sql("select first_poll_at from data_versions where version = ?")
                .param(version)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
                .optional()
                .flatMap(at -> at);
        if (recorded.isPresent()) {
            return recorded.get().toInstant();
        }
        OffsetDateTime first = jdbc.sql("""
                        select min(f.ts) from stores s
                        cross join lateral (select p.ts from polls p
                                            where p.store_key = s.store_key and p.version <= ?
                                            order by p.ts limit 1) f
                        """)
                .param(version)
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
        return first == null ? null : first.toInstant();
    }
}
