package dev.storemon.observability;

import org.slf4j.MDC;

/**
 * The structured log fields (SLF4J MDC keys) that let one report or ingest run be followed across the gateway and the
 * workers. With {@code logging.structured.format.console} set (docker-compose), each becomes a JSON field.
 */
public final class LogFields {

    /** A report's id, on gateway and worker lines. */
    public static final String REPORT_ID = "report_id";
    /** The shard a worker line is about. */
    public static final String SHARD = "shard";
    /** An ingest run's id ({@code ingest_runs.id}). */
    public static final String INGEST_RUN_ID = "ingest_run_id";

    private LogFields() {}

    /**
     * Sets a field until the returned scope is closed, which restores the previous value (so a nested scope, e.g. a
     * report failed while it is being started, does not clear its caller's field).
     *
     * @param key   one of the constants above
     * @param value the value, as text
     * @return the scope to close
     */
    public static Scope put(String key, Object value) {
        String previous = MDC.get(key);
        MDC.put(key, String.valueOf(value));
        return () -> {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        };
    }

    /** A field's lifetime; closing it does not throw. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
