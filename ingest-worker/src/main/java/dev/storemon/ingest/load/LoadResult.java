package dev.storemon.ingest.load;

import java.time.Instant;

/**
 * What a successful load stored.
 *
 * @param version         the new data version, or the current one when nothing changed
 * @param scheduleVersion its schedule version (new, or the previous one when hours and zones did not change)
 * @param scheduleReused  whether the previous schedule version was reused
 * @param pollsAdded      polls stored by this load
 * @param hoursRows       business-hours rows in the version's schedule
 * @param zoneRows        zone rows in the version's schedule
 * @param rowsRejected    malformed rows skipped, all files
 * @param latestPollAt    the latest poll of the version, or null when there is none
 * @param newVersion      whether this load created {@code version}; false when nothing changed (no new poll, no new
 *                        store, hours and zones identical): then {@code version} is the current one
 */
public record LoadResult(
        long version,
        long scheduleVersion,
        boolean scheduleReused,
        long pollsAdded,
        long hoursRows,
        long zoneRows,
        long rowsRejected,
        Instant latestPollAt,
        boolean newVersion) {}
