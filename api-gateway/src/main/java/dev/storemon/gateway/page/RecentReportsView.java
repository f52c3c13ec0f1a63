package dev.storemon.gateway.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answer of {@code GET /api/reports?limit=N}: the latest reports, the most recently requested first. */
@Schema(description = "The latest reports, the most recently requested first")
record RecentReportsView(
        @JsonProperty("reports") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<Item> reports) {

    /** One report, without its CSV. */
    @Schema(name = "RecentReport", description = "A report without its CSV: what it is pinned to, how far it got")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Item(
            @JsonProperty("report_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            UUID reportId,

            @JsonProperty("status")
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"Running", "Complete", "Failed"})
            String status,

            @JsonProperty("requested_at") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant requestedAt,

            @JsonProperty("completed_at") @Schema(nullable = true, description = "null while running")
            Instant completedAt,

            @JsonProperty("as_of") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant asOf,

            @JsonProperty("data_version") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long dataVersion,

            @JsonProperty("interpolation")
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"nearest", "previous"})
            String interpolation,

            @JsonProperty("shards_done") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int shardsDone,

            @JsonProperty("shards_total") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            int shardsTotal,

            @JsonProperty("store_count") @Schema(nullable = true, description = "CSV rows; null until complete")
            Integer storeCount) {

        static Item of(ReportHeader r) {
            return new Item(
                    r.id(),
                    r.wireStatus(),
                    r.requestedAt(),
                    r.completedAt(),
                    r.asOf(),
                    r.dataVersion(),
                    r.interpolation(),
                    r.shardsDone(),
                    r.shardsTotal(),
                    r.storeCount());
        }
    }
}
