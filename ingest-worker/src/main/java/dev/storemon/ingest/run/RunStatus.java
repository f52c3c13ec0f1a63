package dev.storemon.ingest.run;

/** The {@code ingest_runs.status} of a run (stored by name; the gateway serves it as it is). */
enum RunStatus {
    /** holding the ingest lock and loading */
    RUNNING,
    /** committed: a new data version, or none when nothing changed ({@code data_version} is then the current one) */
    SUCCEEDED,
    /** rolled back, data unchanged; {@code error} says why */
    FAILED
}
