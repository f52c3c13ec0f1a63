package dev.storemon.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The sliding window alone, on a clock the test moves (AccessControlTest checks the default 60 through HTTP). */
class TriggerRateLimitTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * SECOND);
    private final TriggerRateLimit limit = new TriggerRateLimit(3, null, now::get);

    @Test
    void admitsTheLimitPerKeyThenAsksToRetryWhenTheOldestCallLeavesTheWindow() {
        assertThat(limit.admit("k1")).isZero();
        now.addAndGet(10 * SECOND);
        assertThat(limit.admit("k1")).isZero();
        assertThat(limit.admit("k1")).isZero();
        assertThat(limit.admit("k2")).as("another key has its own window").isZero();

        assertThat(limit.admit("k1")).isEqualTo(50); // the first call leaves the window 50 s from now
        now.addAndGet(49 * SECOND + SECOND / 2);
        assertThat(limit.admit("k1")).isEqualTo(1); // half a second left: rounded up
        now.addAndGet(SECOND / 2);
        assertThat(limit.admit("k1")).isZero();
        assertThat(limit.admit("k1")).isEqualTo(10);
    }
}
