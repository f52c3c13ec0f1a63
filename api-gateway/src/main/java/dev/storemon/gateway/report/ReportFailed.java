package dev.storemon.gateway.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * {@code get_report}'s answer (200) for a report that failed: the report exists, its outcome is the failure.
 *
 * @param reportId the report's id
 * @param status   Failed
 * @param error    why it failed
 */
@Schema(description = "A report that failed, and why")
record ReportFailed(
        @JsonProperty("report_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        UUID reportId,

        @JsonProperty("status") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Failed")
        ReportStatus status,

        @JsonProperty("error")
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "shard 3 failed: data version 7 does not exist")
        String error) {}
