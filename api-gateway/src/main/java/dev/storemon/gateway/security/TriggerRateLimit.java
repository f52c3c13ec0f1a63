package dev.storemon.gateway.security;

import dev.storemon.gateway.web.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code storemon.security.reports-per-minute} trigger_report calls per key in any 60 seconds (a sliding
 * window of call instants), then 429 with {@code Retry-After}: the seconds until the oldest call leaves the window.
 * Every call counts, accepted or not. In memory, per gateway instance: with n gateways behind a balancer a key gets
 * up to n times the limit (docs/decisions.md).
 */
final class TriggerRateLimit extends OncePerRequestFilter {

    private static final long WINDOW_NANOS = 60_000_000_000L;

    private final int limit;
    private final ProblemAnswers problems;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> calls = new ConcurrentHashMap<>();

    TriggerRateLimit(int limit, ProblemAnswers problems, LongSupplier nanoTime) {
        this.limit = limit;
        this.problems = problems;
        this.nanoTime = nanoTime;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.equals("/trigger_report") && !path.equals("/api/trigger_report");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            long retryAfterSeconds = admit(caller.name());
            if (retryAfterSeconds > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
                problems.write(
                        request,
                        response,
                        ProblemType.TOO_MANY_REQUESTS,
                        "more than " + limit + " trigger_report calls in a minute with this key; retry in "
                                + retryAfterSeconds + " s");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** @return 0 when the call is admitted, else the whole seconds to wait (at least 1) */
    long admit(String key) {
        Deque<Long> window = calls.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (window) {
            long now = nanoTime.getAsLong();
            while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                long waitNanos = window.peekFirst() + WINDOW_NANOS - now;
                return Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            }
            window.addLast(now);
            return 0;
        }
    }
}
