package dev.storemon.gateway.report;

import dev.storemon.gateway.GatewayLimits;
import dev.storemon.gateway.web.ApiProblem;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At most {@code storemon.gateway.max-running-reports} reports run at once, counted over every gateway. The count and
 * the new report's insert happen under one transaction-scoped advisory lock, so simultaneous triggers (on any gateway)
 * cannot all see room for one more.
 *
 * <p>The last count seen is also kept in memory: while it is at the limit a trigger is refused before it asks the
 * database for anything, so a flood of triggers costs no connections (with 100 at once, waiting for a connection
 * would otherwise end some of them in the 1 s connection timeout, a 503 instead of a 429). A remembered count
 * refuses for {@link #FRESH} at most (every admission or refusal under the lock, and the sweeper, remember anew), so
 * after a report ends a trigger is refused for at most a second more, which the Retry-After covers.
 */
@Component
class RunningReportLimit {

    /** Advisory lock key of report admission ("rep-lim" in ASCII); the ingest uses another. */
    private static final long LOCK_KEY = 0x7265702d6c696dL;

    private final JdbcClient jdbc;
    private final GatewayLimits limits;
    /** How long a trigger waits for its turn at admission in this gateway before it is refused. */
    static final Duration ADMISSION_WAIT = Duration.ofSeconds(1);

    /**
     * One admission at a time per gateway, before any connection is taken: the fault suite's flood of 100 triggers
     * showed every pooled connection held by a request queued on the advisory lock, and the rest ending in the
     * connection timeout (500) instead of a 429.
     */
    private final Semaphore admission = new Semaphore(1, true);

    /** Pause between two tries of the cross-gateway admission lock. */
    private static final Duration LOCK_RETRY = Duration.ofMillis(5);

    /** How long a remembered count may refuse a trigger on its own. */
    static final Duration FRESH = Duration.ofSeconds(1);

    private record Seen(long count, long atNanos) {}

    private final AtomicReference<Seen> lastSeen = new AtomicReference<>(new Seen(0, System.nanoTime()));

    RunningReportLimit(JdbcClient jdbc, GatewayLimits limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /**
     * Refuses a trigger without a database round trip while the last count seen is at the limit.
     *
     * @throws ApiProblem 429 with Retry-After
     */
    void refuseEarly() {
        Seen seen = lastSeen.get();
        if (seen.count() >= limits.maxRunningReports() && System.nanoTime() - seen.atNanos() < FRESH.toNanos()) {
            throw tooMany(seen.count());
        }
    }

    /**
     * Runs a report's admission and start, one at a time in this gateway, waiting at most {@link #ADMISSION_WAIT}.
     *
     * @throws ApiProblem 429 when the limit is reached or too many triggers arrive at once
     */
    <T> T admitting(Supplier<T> start) {
        refuseEarly();
        boolean entered;
        try {
            entered = admission.tryAcquire(ADMISSION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entered = false;
        }
        if (!entered) {
            throw triggeredAtOnce();
        }
        try {
            refuseEarly();
            return start.get();
        } finally {
            admission.release();
        }
    }

    /** Reads the count again (the sweeper calls this every interval). */
    void refresh() {
        remember(count());
    }

    /**
     * Admits one more report; call inside the transaction that inserts it.
     *
     * @throws ApiProblem 429 with Retry-After when the limit is reached
     */
    void admit() {
        // Across gateways, one admission at a time. Tried rather than waited for: the fault suite's flood of 100
        // triggers on two gateways had one wait past the 5 s lock timeout, a 500; a turn not had within
        // ADMISSION_WAIT is a 429 like this gateway's own queue.
        long deadline = System.nanoTime() + ADMISSION_WAIT.toNanos();
        while (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                .param(LOCK_KEY)
                .query(Boolean.class)
                .single()) {
            if (System.nanoTime() > deadline) {
                throw triggeredAtOnce();
            }
            try {
                Thread.sleep(LOCK_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw triggeredAtOnce();
            }
        }
        long running = count();
        if (running >= limits.maxRunningReports()) {
            remember(running);
            throw tooMany(running);
        }
        remember(running + 1);
    }

    private void remember(long running) {
        lastSeen.set(new Seen(running, System.nanoTime()));
    }

    private long count() {
        return jdbc.sql("select count(*) from reports where status = 'RUNNING'")
                .query(Long.class)
                .single();
    }

    private ApiProblem triggeredAtOnce() {
        return new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-reports",
                "Too many reports running",
                "too many reports are being triggered at once; try again later",
                limits.retryAfter());
    }

    private ApiProblem tooMany(long running) {
        return new ApiProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "too-many-reports",
                "Too many reports running",
                running + " reports are running, the limit is " + limits.maxRunningReports()
                        + " (storemon.gateway.max-running-reports); try again later",
                limits.retryAfter());
    }
}
