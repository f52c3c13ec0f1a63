package dev.storemon.gateway.page;

import dev.storemon.gateway.web.ProblemException;
import dev.storemon.gateway.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/reports?limit=N}: the latest reports, for the page's "recent reports" list. */
@Tag(name = "page")
@RestController
class RecentReportsController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final ReportHeaders reports;

    RecentReportsController(ReportHeaders reports) {
        this.reports = reports;
    }

    @Operation(
            operationId = "recentReports",
            summary = "The latest reports, most recently requested first (limit 1 to 100, default 20)")
    @ApiResponse(
            responseCode = "200",
            description = "The latest reports, without their CSV",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = RecentReportsView.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A limit that is not a whole number from 1 to 100",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @GetMapping("/api/reports")
    RecentReportsView recent(
            @Parameter(
                            description = "how many reports, 1 to 100",
                            schema =
                                    @Schema(
                                            type = "integer",
                                            format = "int32",
                                            minimum = "1",
                                            maximum = "100",
                                            defaultValue = "20"))
                    @RequestParam(name = "limit", required = false)
                    String limit) {
        return new RecentReportsView(reports.recent(parseLimit(limit)).stream()
                .map(RecentReportsView.Item::of)
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
        throw new ProblemException(
                ProblemType.INVALID_REQUEST,
                "limit must be a whole number from 1 to " + MAX_LIMIT + ", was '" + limit + "'");
    }
}
