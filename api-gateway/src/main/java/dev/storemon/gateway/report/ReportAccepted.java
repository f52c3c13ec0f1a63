package dev.storemon.gateway.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * {@code trigger_report}'s answer: the new report's id; it is always Running at first.
 *
 * @param reportId the id to pass to {@code get_report}
 * @param status   Running
 */
@Schema(description = "A report that was just started")
record ReportAccepted(
        @JsonProperty("report_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        UUID reportId,

        @JsonProperty("status") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Running")
        ReportStatus status) {}
