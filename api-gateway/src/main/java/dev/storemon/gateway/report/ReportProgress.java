package dev.storemon.gateway.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * {@code get_report}'s answer (202) while the report runs.
 *
 * @param reportId    the report's id
 * @param status      Running
 * @param shardsDone  shards stored so far
 * @param shardsTotal shards in total
 */
@Schema(description = "A report still running, with its progress")
record ReportProgress(
        @JsonProperty("report_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        UUID reportId,

        @JsonProperty("status") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Running")
        ReportStatus status,

        @JsonProperty("shards_done") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "5")
        int shardsDone,

        @JsonProperty("shards_total") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "16")
        int shardsTotal) {}
