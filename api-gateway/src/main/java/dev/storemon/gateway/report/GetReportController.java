package dev.storemon.gateway.report;

import dev.storemon.gateway.web.ProblemException;
import dev.storemon.gateway.web.ProblemType;
import dev.storemon.gateway.web.RequestValidator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code get_report}: a report's progress, its CSV, or why it failed. Served at the root and under {@code /api}, by
 * {@code GET ?report_id=} and by {@code POST {"report_id"}}.
 */
@Tag(name = "reports")
@RestController
class GetReportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;
    private final RequestValidator validator;
    private final ReportDownloads downloads;

    GetReportController(Reports reports, RequestValidator validator, ReportDownloads downloads) {
        this.reports = reports;
        this.validator = validator;
        this.downloads = downloads;
    }

    /** The answers of both forms of get_report. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "202",
            description = "Running: the progress",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ReportProgress.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Complete: the CSV (text/csv, or JSON with format=json or "
                    + "Accept: application/json); or Failed: why, as JSON",
            headers = {
                @Header(
                        name = "X-Report-Status",
                        description = "Complete, with the CSV",
                        schema = @Schema(type = "string", allowableValues = "Complete")),
                @Header(
                        name = HttpHeaders.CONTENT_DISPOSITION,
                        description = "attachment; " + "filename=\"report-<report_id>.csv\", with the CSV",
                        schema = @Schema(type = "string")),
                @Header(
                        name = HttpHeaders.ETAG,
                        description =
                                "with the CSV: the quoted SHA-256 of its bytes " + "(csv_sha256 of report-completed)",
                        schema = @Schema(type = "string")),
                @Header(
                        name = HttpHeaders.CACHE_CONTROL,
                        description = "with the CSV: private, max-age=31536000,"
                                + " immutable (gzip with Accept-Encoding: gzip, Vary: Accept-Encoding)",
                        schema = @Schema(type = "string"))
            },
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema =
                                @Schema(
                                        type = "string",
                                        example = "store_id,"
                                                + "uptime_last_hour,uptime_last_day,uptime_last_week,downtime_last_hour,downtime_last_day,"
                                                + "downtime_last_week\n1,60.00,20.50,100.25,0.00,3.50,67.75\n")),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        schema = @Schema(oneOf = {CompleteReport.class, ReportFailed.class}))
            })
    @ApiResponse(responseCode = "304", description = "Complete, and If-None-Match names its ETag: no body")
    @ApiResponse(
            responseCode = "400",
            description =
                    "A missing or malformed report_id, a format other than csv or " + "json, or an unreadable body",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "404",
            description = "No report has this id",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @interface ReportAnswers {}

    @Operation(operationId = "getReport", summary = "A report's progress, CSV or failure")
    @ReportAnswers
    @GetMapping({"/get_report", "/api/get_report"})
    ResponseEntity<Object> get(
            @Parameter(
                            description = "the id trigger_report answered",
                            required = true,
                            schema = @Schema(type = "string", format = "uuid"))
                    @RequestParam(name = "report_id", required = false)
                    String reportId,
            @Parameter(
                            description = "the form of a complete report, as Accept: text/csv or application/json "
                                    + "would choose it (and winning over Accept); default: chosen by Accept",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"csv", "json"}))
                    @RequestParam(name = "format", required = false)
                    String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    String ifNoneMatch,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false)
                    String acceptEncoding) {
        return answer(new GetReportRequest(reportId, format), accept, ifNoneMatch, acceptEncoding);
    }

    @Operation(
            operationId = "getReportByPost",
            summary = "A report's progress, CSV or failure, the id in a JSON body",
            description = "The id in the body {\"report_id\"} or, without one, in the query parameter.")
    @ReportAnswers
    @PostMapping({"/get_report", "/api/get_report"})
    ResponseEntity<Object> post(
            @Parameter(
                            description = "the id trigger_report answered, when the body has none",
                            schema = @Schema(type = "string", format = "uuid"))
                    @RequestParam(name = "report_id", required = false)
                    String reportId,
            @Parameter(
                            description =
                                    "the form of a complete report when the body has none, as Accept: text/csv or "
                                            + "application/json would choose it (and winning over Accept); default: chosen by Accept",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"csv", "json"}))
                    @RequestParam(name = "format", required = false)
                    String format,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    String ifNoneMatch,
            @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false)
                    String acceptEncoding,
            @RequestBody(required = false) GetReportRequest body) {
        return answer(new GetReportRequest(reportId, format).overriddenBy(body), accept, ifNoneMatch, acceptEncoding);
    }

    private ResponseEntity<Object> answer(
            GetReportRequest request, String accept, String ifNoneMatch, String acceptEncoding) {
        UUID id = validator.valid(request).id();
        if (!wantsJson(request.format(), accept)) {
            // A complete report's CSV: from memory once read, with ETag, 304 and gzip (ReportDownloads).
            Optional<ReportDownloads.Download> download = downloads.find(id);
            if (download.isPresent()) {
                return downloads.response(download.get(), ifNoneMatch, acceptEncoding);
            }
        }
        Report report = reports.find(id)
                .orElseThrow(
                        () -> new ProblemException(ProblemType.REPORT_NOT_FOUND, "no report with report_id " + id));
        // JSON answers are JSON whatever the Accept header says: a CSV client still reads a 202 or a failure.
        return switch (report.status()) {
            case RUNNING ->
                ResponseEntity.status(HttpStatus.ACCEPTED)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new ReportProgress(id, report.status(), report.shardsDone(), report.shardCount()));
            case FAILED ->
                ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(new ReportFailed(id, report.status(), report.error()));
            case COMPLETE ->
                wantsJson(request.format(), accept)
                        ? ResponseEntity.ok()
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(new CompleteReport(
                                        id,
                                        report.status(),
                                        report.asOf(),
                                        report.dataVersion(),
                                        report.interpolation(),
                                        report.storeCount(),
                                        report.csv()))
                        : ResponseEntity.ok()
                                .contentType(CSV)
                                .header("X-Report-Status", "Complete")
                                .header(
                                        HttpHeaders.CONTENT_DISPOSITION,
                                        "attachment; filename=\"report-" + id + ".csv\"")
                                .body(report.csv());
        };
    }

    /**
     * JSON when {@code format=json}, or without a format when the client names application/json and not text/csv; the
     * CSV otherwise (browsers, curl). The parameter serves plain links, which cannot set Accept (the owners' page).
     */
    private static boolean wantsJson(String format, String accept) {
        if (format != null) {
            return GetReportRequest.JSON.equals(format);
        }
        return accept != null && accept.contains("application/json") && !accept.contains("text/csv");
    }
}
