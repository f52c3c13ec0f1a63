package dev.storemon.ingest.run;

import java.util.Locale;

/** Why a run started; stored in lower case in {@code ingest_runs.trigger}. */
public enum Trigger {
    /** the worker started ({@code storemon.ingest.run-on-start}) */
    STARTUP,
    /** the cron ({@code storemon.ingest.cron}) */
    SCHEDULE,
    /** an {@code IngestRequested} message (the gateway's {@code POST /api/ingest}) */
    REQUEST,
    /** a direct call of {@link IngestRunner#run}: tests, the benchmark */
    MANUAL;

    /** @return the word stored in {@code ingest_runs.trigger} and logged */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return word();
    }
}
