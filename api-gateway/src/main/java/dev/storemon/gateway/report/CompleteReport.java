package dev.storemon.gateway.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code get_report}'s JSON answer (200, with {@code Accept: application/json}) for a complete report.
 *
 * @param reportId      the report's id
 * @param status        Complete
 * @param asOf          the instant the report is as of
 * @param dataVersion   the data version it was computed on
 * @param interpolation nearest or previous
 * @param storeCount    CSV rows
 * @param csv           the CSV, exactly as the text/csv answer serves it
 */
@Schema(description = "A complete report, its CSV inside")
record CompleteReport(
        @JsonProperty("report_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        UUID reportId,

        @JsonProperty("status") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Complete")
        ReportStatus status,

        @JsonProperty("as_of") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Instant asOf,

        @JsonProperty("data_version") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        long dataVersion,

        @JsonProperty("interpolation")
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"nearest", "previous"})
        String interpolation,

        @JsonProperty("store_count") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        int storeCount,

        @JsonProperty("csv")
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "store_id,uptime_last_hour,... with one line per store, \\n line ends")
        String csv) {}
