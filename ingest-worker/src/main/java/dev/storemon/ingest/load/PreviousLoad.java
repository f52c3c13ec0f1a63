package dev.storemon.ingest.load;

import dev.storemon.time.EpochMicros;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest data version and what its load recorded about the source files.
 *
 * @param version         the data version
 * @param scheduleVersion its schedule version
 * @param latestPollAt    its latest poll, or null
 * @param files           its run's {@code files} JSON
 */
record PreviousLoad(long version, long scheduleVersion, OffsetDateTime latestPollAt, List<Map<String, Object>> files) {

    static final PreviousLoad NONE = new PreviousLoad(0, 0, null, List.of());

    /** The latest data version and its run's file reports, or {@link #NONE}. */
    static PreviousLoad latest(JdbcClient jdbc, JsonMapper json) {
        return jdbc.sql("""
                select v.version, v.schedule_version, v.latest_poll_at, r.files::text as files
                from data_versions v join ingest_runs r on r.id = v.ingest_run_id
                order by v.version desc limit 1""")
                .query((rs, n) -> new PreviousLoad(rs.getLong("version"), rs.getLong("schedule_version"),
                        rs.getObject("latest_poll_at", OffsetDateTime.class),
                        json.readValue(rs.getString("files"), new TypeReference<List<Map<String, Object>>>() { })))
                .optional().orElse(NONE);
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

    /** The entry of a kind of file ({@code polls}, {@code hours}, {@code zones}), or an empty map. */
    Map<String, Object> file(String kind) {
        return files.stream().filter(f -> kind.equals(f.get("kind"))).findFirst().orElse(Map.of());
    }

    /** The {@code source} facts recorded for a kind of file, or an empty map. */
    @SuppressWarnings("unchecked")
    Map<String, Object> source(String kind) {
        return file(kind).get("source") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
