package dev.storemon.gateway.page;

import java.time.Instant;
import java.util.UUID;

/**
 * A report without its CSV: what it is pinned to and how far it got.
 *
 * @param id            the report's id
 * @param status        RUNNING, COMPLETE or FAILED (as stored)
 * @param requestedAt   when it was triggered
 * @param completedAt   when it ended, or null while running
 * @param asOf          its as-of instant
 * @param dataVersion   the pinned data version
 * @param interpolation nearest or previous
 * @param shardsDone    shards stored so far
 * @param shardsTotal   shards in total
 * @param storeCount    stores reported, once complete
 */
record ReportHeader(
        UUID id,
        String status,
        Instant requestedAt,
        Instant completedAt,
        Instant asOf,
        long dataVersion,
        String interpolation,
        int shardsDone,
        int shardsTotal,
        Integer storeCount) {

    /** The status as {@code get_report} spells it: Running, Complete or Failed. */
    String wireStatus() {
        return switch (status) {
            case "RUNNING" -> "Running";
            case "COMPLETE" -> "Complete";
            case "FAILED" -> "Failed";
            default -> status;
        };
    }
}
