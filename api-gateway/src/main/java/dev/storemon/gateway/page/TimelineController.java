package dev.storemon.gateway.page;

import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.StoreTimeline;
import dev.storemon.uptime.UptimeEngine;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/{report_id}/stores/{store_id}/timeline}: one store's week under a report, computed by the
 * same engine on the report's pinned data version, as-of and interpolation, so that the chart and the CSV agree.
 */
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

    @Operation(summary = "A store's week under a report: business-hour intervals up/down, polls used, zone, figures",
            description = "404 when the report is unknown or the store is not in it; 400 for a malformed id")
    @GetMapping("/api/reports/{report_id}/stores/{store_id}/timeline")
    StoreTimelineView timeline(@PathVariable("report_id") String reportIdText,
            @PathVariable("store_id") String storeId) {
        UUID reportId = PageProblems.reportId(reportIdText);
        if (storeId.isBlank() || storeId.length() > MAX_STORE_ID_LENGTH) {
            throw PageProblems.problem(HttpStatus.BAD_REQUEST,
                    "store_id must be 1 to " + MAX_STORE_ID_LENGTH + " characters, was '" + abbreviated(storeId) + "'");
        }
        ReportHeader report = reports.find(reportId).orElseThrow(() -> PageProblems.problem(HttpStatus.NOT_FOUND,
                "no report with report_id " + reportId));
        OneStoreReader.Store store = stores.read(storeId, report.dataVersion(), report.asOf()).orElse(null);
        StoreTimeline timeline = store == null ? null
                : new UptimeEngine(report.asOf(), Interpolation.parse(report.interpolation()))
                        .timeline(storeId, store.zone(), store.schedule(), store.polls()).orElse(null);
        if (timeline == null) {
            throw PageProblems.problem(HttpStatus.NOT_FOUND, "store " + storeId + " is not in report " + reportId
                    + ": it has no poll at or before the report's as_of " + report.asOf());
        }
        return StoreTimelineView.of(report, store.zone(), timeline);
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
