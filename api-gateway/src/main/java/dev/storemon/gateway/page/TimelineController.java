package dev.storemon.gateway.page;

import dev.storemon.gateway.web.ProblemException;
import dev.storemon.gateway.web.ProblemType;
import dev.storemon.gateway.web.UuidText;
import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.StoreTimeline;
import dev.storemon.uptime.UptimeEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/{report_id}/stores/{store_id}/timeline}: one store's week under a report, computed by the
 * same engine on the report's pinned data version, as-of and interpolation, so that the chart and the CSV agree.
 */
@Tag(name = "page")
@RestController
class TimelineController {

    /** Longer than any store id the sources hold (19 digits, or a UUID); a bound on what a request makes us look up. */
    private static final int MAX_STORE_ID_LENGTH = 200;

    private final ReportHeaders reports;
    private final OneStoreReader stores;

    TimelineController(ReportHeaders reports, OneStoreReader stores) {
        this.reports = reports;
        this.stores = stores;
    }

    @Operation(
            operationId = "storeTimeline",
            summary = "A store's week under a report: business-hour intervals up/down, polls used, zone, figures")
    @ApiResponse(
            responseCode = "200",
            description = "The store's week as the engine counted it for the report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = StoreTimelineView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A malformed report_id, or a store_id longer than 200 characters",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No report has this id (report-not-found), or the store is not " + "in it (store-not-found)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/reports/{report_id}/stores/{store_id}/timeline")
    StoreTimelineView timeline(
            @Parameter(
                            description = "the id trigger_report answered",
                            schema = @Schema(type = "string", format = "uuid"))
                    @PathVariable("report_id")
                    @UuidText(
                            message = "report_id must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, "
                                    + "was '${validatedValue}'")
                    String reportIdText,
            @Parameter(
                            description = "a store id of the report's CSV",
                            schema = @Schema(type = "string", minLength = 1, maxLength = MAX_STORE_ID_LENGTH))
                    @PathVariable("store_id")
                    String storeId) {
        UUID reportId = UuidText.Validator.parse(reportIdText);
        if (storeId.isBlank() || storeId.length() > MAX_STORE_ID_LENGTH) {
            throw new ProblemException(
                    ProblemType.INVALID_REQUEST,
                    "store_id must be 1 to " + MAX_STORE_ID_LENGTH + " characters, was '" + abbreviated(storeId) + "'");
        }
        ReportHeader report = reports.find(reportId)
                .orElseThrow(() ->
                        new ProblemException(ProblemType.REPORT_NOT_FOUND, "no report with report_id " + reportId));
        OneStoreReader.Store store =
                stores.read(storeId, report.dataVersion(), report.asOf()).orElse(null);
        StoreTimeline timeline = store == null
                ? null
                : new UptimeEngine(report.asOf(), Interpolation.parse(report.interpolation()))
                        .timeline(storeId, store.zone(), store.schedule(), store.polls())
                        .orElse(null);
        if (timeline == null) {
            throw new ProblemException(
                    ProblemType.STORE_NOT_FOUND,
                    "store " + storeId + " is not in report " + reportId
                            + ": it has no poll at or before the report's as_of " + report.asOf());
        }
        return StoreTimelineView.of(report, store.zone(), timeline);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
