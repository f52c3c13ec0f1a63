package dev.storemon.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOffExecution;

/** Which failures a shard task waits out, and for how long. */
class TransientFailuresTest {

    @Test
    void outagesAndTimeoutsAreTransientWhereverTheyAreInTheCauseChain() {
        var refused = new CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection",
                new PSQLException("Connection to localhost:5433 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
        assertThat(TransientFailures.isTransient(new ListenerExecutionFailedException("listener failed", refused)))
                .isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(
                        new SQLException("terminating connection due to administrator command", "57P01"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new SQLException("canceling statement due to statement timeout", "57014")))
                .isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("an I/O error occurred", "08006")))
                .isTrue();
        assertThat(TransientFailures.isTransient(
                        new RuntimeException(new org.apache.kafka.common.errors.TimeoutException(
                                "Topic not present in metadata after 10000 ms"))))
                .isTrue();
        assertThat(TransientFailures.isTransient(new java.util.concurrent.TimeoutException()))
                .isTrue();
    }

    @Test
    void bugsAndBadDataAreNot() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("data version 424242 does not exist")))
                .isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException(
                        "duplicate key", new SQLException("duplicate key value violates unique constraint", "23505"))))
                .isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("syntax error", "42601")))
                .isFalse();
    }

    @Test
    void aTransientFailureIsRetriedForAtLeastTwoMinutesWithBoundedPauses() {
        BackOffExecution execution = TransientFailures.backOff(
                        new TransientRetry(Duration.ofSeconds(150), Duration.ofSeconds(15)))
                .start();
        long total = 0;
        int attempts = 0;
        for (long pause = execution.nextBackOff(); pause != BackOffExecution.STOP; pause = execution.nextBackOff()) {
            assertThat(pause).isBetween(1_000L, 15_000L);
            total += pause;
            attempts++;
        }
        assertThat(total).isGreaterThanOrEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(attempts).isGreaterThan(8);
    }

    @Test
    void lessThanTwoMinutesOfRetryIsRefusedAtStart() {
        assertThatThrownBy(() -> new TransientRetry(Duration.ofSeconds(30), Duration.ofSeconds(15)))
                .hasMessageContaining("at least 2 minutes");
    }
}
