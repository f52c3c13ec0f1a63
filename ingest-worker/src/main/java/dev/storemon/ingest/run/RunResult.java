package dev.storemon.ingest.run;

import dev.storemon.ingest.load.LoadResult;

/**
 * The outcome of one ingest run.
 *
 * @param runId  the {@code ingest_runs} id, or -1 when the run could not even be recorded
 * @param load   what was stored (see {@link LoadResult#newVersion()}), or null when the run failed
 * @param error  why the run failed, or null
 * @param millis how long it took
 */
public record RunResult(long runId, LoadResult load, String error, long millis) {

    /** @return whether the run committed (with a new data version, or none when nothing changed) */
    public boolean succeeded() {
        return load != null;
    }
}
