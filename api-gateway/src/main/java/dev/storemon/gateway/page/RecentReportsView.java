package dev.storemon.gateway.page;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The answer of {@code GET /api/reports?limit=N}: the latest reports, the most recently requested first. */
record RecentReportsView(@JsonProperty("reports") List<Item> reports) {

    /** One report, without its CSV. */
    record Item(
            @JsonProperty("report_id") String reportId,
            @JsonProperty("status") String status,
            @JsonProperty("requested_at") Instant requestedAt,
            @JsonProperty("completed_at") Instant completedAt,
            @JsonProperty("as_of") Instant asOf,
            @JsonProperty("data_version") long dataVersion,
            @JsonProperty("interpolation") String interpolation,
            @JsonProperty("shards_done") int shardsDone,
            @JsonProperty("shards_total") int shardsTotal,
            @JsonProperty("store_count") Integer storeCount) {

        static Item of(ReportHeader r) {
            return new Item(r.id().toString(), r.wireStatus(), r.requestedAt(), r.completedAt(), r.asOf(),
                    r.dataVersion(), r.interpolation(), r.shardsDone(), r.shardsTotal(), r.storeCount());
        }
    }
}
