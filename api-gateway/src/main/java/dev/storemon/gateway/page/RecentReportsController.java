package dev.storemon.gateway.page;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports?limit=N}: the latest reports, for the page's "recent reports" list. */
@RestController
class RecentReportsController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ReportHeaders reports;

    RecentReportsController(ReportHeaders reports) {
        this.reports = reports;
    }

    @Operation(summary = "The latest reports, most recently requested first (limit 1 to 100, default 20)")
    @GetMapping("/api/reports")
    RecentReportsView recent(@RequestParam(name = "limit", required = false) String limit) {
        return new RecentReportsView(reports.recent(parseLimit(limit)).stream().map(RecentReportsView.Item::of)
                .toList());
    }

    private static int parseLimit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named in the problem below
        }
        throw PageProblems.problem(HttpStatus.BAD_REQUEST,
                "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + limit + "'");
    }
}
