package dev.storemon.ingest.load;

import dev.storemon.ingest.source.FileReport;
import dev.storemon.time.EpochMicros;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest data version, and what the latest successful run recorded about the source files. That run is the
 * version's own, or a later one that changed nothing (and so created no version) but did read the files: e.g. a tail
 * of only rejected lines, which must not be parsed again.
 *
 * @param version         the data version
 * @param scheduleVersion its schedule version
 * @param latestPollAt    its latest poll, or null
 * @param files           the latest successful run's file reports
 */
record PreviousLoad(
        long version,
        long scheduleVersion,
        OffsetDateTime firstPollAt,
        OffsetDateTime latestPollAt,
        List<FileReport> files) {

    static final PreviousLoad NONE = new PreviousLoad(0, 0, null, null, List.of());

    /** The latest data version and the latest successful run's file reports, or {@link #NONE}. */
    static PreviousLoad latest(JdbcClient jdbc, JsonMapper json) {
        return jdbc.sql("""
                select v.version, v.schedule_version, v.first_poll_at, v.latest_poll_at,
                       (select r.files::text from ingest_runs r where r.status = 'SUCCEEDED' and r.id >= v.ingest_run_id
                        order by r.id desc limit 1) as files
                from data_versions v
                order by v.version desc limit 1""")
                .query((rs, n) -> new PreviousLoad(
                        rs.getLong("version"),
                        rs.getLong("schedule_version"),
                        rs.getObject("first_poll_at", OffsetDateTime.class),
                        rs.getObject("latest_poll_at", OffsetDateTime.class),
                        rs.getString("files") == null
                                ? List.of()
                                : json.readValue(rs.getString("files"), new TypeReference<List<FileReport>>() {})))
                .optional()
                .orElse(NONE);
    }

    /**
     * The latest poll of the next version: the later of this version's and the latest poll just staged (staged polls
     * are either new or already stored, and then no later than this version's latest).
     *
     * @param stagedMicros the latest staged poll, or {@code Long.MIN_VALUE} when none was staged
     */
    OffsetDateTime latestPollAtWith(long stagedMicros) {
        if (stagedMicros == Long.MIN_VALUE) {
            return latestPollAt;
        }
        OffsetDateTime staged = EpochMicros.toUtc(stagedMicros);
        return latestPollAt == null || staged.isAfter(latestPollAt) ? staged : latestPollAt;
    }

    /**
     * The first poll of the next version: the earlier of this version's and the earliest poll just staged; null when
     * unknown (this version has polls but was loaded before its first poll was recorded, migration V133).
     *
     * @param stagedMicros the earliest staged poll, or {@code Long.MAX_VALUE} when none was staged
     */
    OffsetDateTime firstPollAtWith(long stagedMicros) {
        if (latestPollAt != null && firstPollAt == null) {
            return null;
        }
        if (stagedMicros == Long.MAX_VALUE) {
            return firstPollAt;
        }
        OffsetDateTime staged = EpochMicros.toUtc(stagedMicros);
        return firstPollAt == null || staged.isBefore(firstPollAt) ? staged : firstPollAt;
    }

    /** The {@code source} facts recorded for a kind of file, or {@link FileReport.Source#NONE}. */
    FileReport.Source source(FileReport.Kind kind) {
        return files.stream()
                .filter(f -> f.kind() == kind && f.source() != null)
                .map(FileReport::source)
                .findFirst()
                .orElse(FileReport.Source.NONE);
    }
}
