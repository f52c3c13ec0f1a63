package dev.storemon.gateway.report;

import dev.storemon.gateway.web.BadRequestException;
import dev.storemon.gateway.web.JsonResponses;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
@RestController
class GetReportController {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;
    private final ReportDownloads downloads;

    GetReportController(Reports reports, ReportDownloads downloads) {
        this.reports = reports;
        this.downloads = downloads;
    }

    @Operation(summary = "A report's status or CSV", description = "202 while running; 200 text/csv when complete "
            + "(JSON with Accept: application/json); 200 JSON with the error when failed; 404 unknown; 400 malformed")
    @GetMapping({"/get_report", "/api/get_report"})
    ResponseEntity<byte[]> get(@RequestParam(name = "report_id", required = false) String reportId,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
        return answer(reportId, accept, ifNoneMatch, acceptEncoding);
    }

    @Operation(summary = "A report's status or CSV, the id in a JSON body {\"report_id\"}")
    @PostMapping({"/get_report", "/api/get_report"})
    ResponseEntity<byte[]> post(@RequestParam(name = "report_id", required = false) String reportId,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
            @RequestBody(required = false) String body) {
        String id = RequestBodies.fields(body, Set.of("report_id")).getOrDefault("report_id", reportId);
        return answer(id, accept, ifNoneMatch, acceptEncoding);
    }

    private ResponseEntity<byte[]> answer(String reportId, String accept, String ifNoneMatch, String acceptEncoding) {
        UUID id = parseId(reportId);
        if (!wantsJson(accept)) {
            // A complete report's CSV: from memory once read, with ETag, 304 and gzip (ReportDownloads).
            Optional<ReportDownloads.Download> download = downloads.find(id);
            if (download.isPresent()) {
                return downloads.response(download.get(), ifNoneMatch, acceptEncoding);
            }
        }
        Report report = reports.find(id).orElse(null);
        if (report == null) {
            return JsonResponses.error(HttpStatus.NOT_FOUND, "no report with report_id " + id);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("report_id", id.toString());
        switch (report.status()) {
            case "RUNNING" -> {
                body.put("status", "Running");
                body.put("shards_done", report.shardsDone());
                body.put("shards_total", report.shardCount());
                return JsonResponses.json(HttpStatus.ACCEPTED, body);
            }
            case "FAILED" -> {
                body.put("status", "Failed");
                body.put("error", report.error());
                return JsonResponses.json(HttpStatus.OK, body);
            }
            default -> {
                if (wantsJson(accept)) {
                    body.put("status", "Complete");
                    body.put("as_of", report.asOf().toString());
                    body.put("data_version", report.dataVersion());
                    body.put("interpolation", report.interpolation());
                    body.put("store_count", report.storeCount());
                    body.put("csv", report.csv());
                    return JsonResponses.json(HttpStatus.OK, body);
                }
                return ResponseEntity.ok()
                        .contentType(CSV)
                        .header("X-Report-Status", "Complete")
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"report-" + id + ".csv\"")
                        .body(report.csv().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static UUID parseId(String reportId) {
        if (reportId == null || reportId.isBlank()) {
            throw new BadRequestException("report_id is required (a query parameter, or {\"report_id\"} in a POST body)");
        }
        if (!UUID_TEXT.matcher(reportId.trim()).matches()) {
            throw new BadRequestException("report_id must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, was '"
                    + reportId + "'");
        }
        return UUID.fromString(reportId.trim());
    }

    /** JSON when the client names application/json and not text/csv; the CSV otherwise (browsers, curl). */
    private static boolean wantsJson(String accept) {
        return accept != null && accept.contains("application/json") && !accept.contains("text/csv");
    }
}
