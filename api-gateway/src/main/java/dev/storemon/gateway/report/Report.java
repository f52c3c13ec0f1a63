package dev.storemon.gateway.report;

import java.time.Instant;
import java.util.UUID;

/**
 * A report as {@code get_report} shows it.
 *
 * @param id            the report's id
 * @param status        running, complete or failed
 * @param asOf          the as-of instant
 * @param dataVersion   the pinned data version
 * @param interpolation nearest or previous
 * @param shardCount    shards in total
 * @param shardsDone    shards stored so far
 * @param storeCount    CSV rows, when complete
 * @param csv           the CSV, when complete
 * @param error         why it failed, when failed
 */
record Report(
        UUID id,
        ReportStatus status,
        Instant asOf,
        long dataVersion,
        String interpolation,
        int shardCount,
        int shardsDone,
        Integer storeCount,
        String csv,
        String error) {}
