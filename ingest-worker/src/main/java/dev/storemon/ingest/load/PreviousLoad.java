package dev.storemon.ingest.load;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

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
