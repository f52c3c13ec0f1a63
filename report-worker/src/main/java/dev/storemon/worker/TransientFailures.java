package dev.storemon.worker;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Tells a failure that goes away by itself (the database or the broker unreachable or restarting, a timeout, a lock or
 * serialization conflict) from one that does not (a bug, bad data). Anywhere in the cause chain.
 */
final class TransientFailures {

    /**
     * SQLState classes and codes that a restart or an overload produces: 08 connection exceptions, 53 insufficient
     * resources, 57P01-57P03 shutdown and cannot-connect-now, 57014 statement timeout, 55P03 lock timeout, 40001
     * serialization failure, 40P01 deadlock.
     */
    private static final Set<String> TRANSIENT_STATES =
            Set.of("57P01", "57P02", "57P03", "57014", "55P03", "40001", "40P01");

    private TransientFailures() {}

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof java.net.ConnectException
                    || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("53") || TRANSIENT_STATES.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The back-off for a transient failure: 1 s, doubling, at most {@code retry.maxBackoff()}, for
     * {@code retry.retryFor()} in total.
     */
    static BackOff backOff(TransientRetry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        backOff.setMaxElapsedTime(retry.retryFor().toMillis());
        return backOff;
    }
}
