package dev.storemon.gateway.report;

import dev.storemon.gateway.GatewayProperties;
import dev.storemon.gateway.web.RequestValidator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code trigger_report}: starts a report and answers its id at once. Served at the root and under {@code /api}. */
@Tag(name = "reports")
@RestController
class TriggerReportController {

    private final ReportStarter starter;
    private final GatewayProperties properties;
    private final RequestValidator validator;

    TriggerReportController(ReportStarter starter, GatewayProperties properties, RequestValidator validator) {
        this.starter = starter;
        this.properties = properties;
        this.validator = validator;
    }

    /** The answers of both forms of trigger_report. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(
            responseCode = "200",
            description = "The report started",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = ReportAccepted.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A bad as_of or interpolation, or (POST) an unreadable body",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "409",
            description = "No data loaded yet, or no polls and no as_of",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @interface TriggerAnswers {}

    @Operation(
            operationId = "triggerReport",
            summary = "Start a report",
            description = "Starts a report over the latest data version and answers its id at once; poll get_report "
                    + "with it. Parameters as a JSON body or as query parameters (a body field wins).")
    @TriggerAnswers
    @PostMapping({"/trigger_report", "/api/trigger_report"})
    ResponseEntity<ReportAccepted> post(
            @Parameter(
                            description = "ISO-8601 instant; default: the latest poll of the pinned data version",
                            schema = @Schema(type = "string", format = "date-time"))
                    @RequestParam(name = "as_of", required = false)
                    String asOf,
            @Parameter(
                            description = "how status is extrapolated between polls",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"nearest", "previous"},
                                            defaultValue = "nearest"))
                    @RequestParam(name = "interpolation", required = false)
                    String interpolation,
            @RequestBody(required = false) TriggerReportRequest body) {
        return start(new TriggerReportRequest(asOf, interpolation).overriddenBy(body));
    }

    @Operation(
            operationId = "triggerReportByGet",
            summary = "Start a report (query parameters only)",
            description = "The GET form of trigger_report, for browsers and simple clients.")
    @TriggerAnswers
    @GetMapping({"/trigger_report", "/api/trigger_report"})
    ResponseEntity<ReportAccepted> get(
            @Parameter(
                            description = "ISO-8601 instant; default: the latest poll of the pinned data version",
                            schema = @Schema(type = "string", format = "date-time"))
                    @RequestParam(name = "as_of", required = false)
                    String asOf,
            @Parameter(
                            description = "how status is extrapolated between polls",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"nearest", "previous"},
                                            defaultValue = "nearest"))
                    @RequestParam(name = "interpolation", required = false)
                    String interpolation) {
        return start(new TriggerReportRequest(asOf, interpolation));
    }

    private ResponseEntity<ReportAccepted> start(TriggerReportRequest request) {
        validator.valid(request);
        UUID id = starter.start(request.asOfInstant(), request.interpolationMode(), properties.shardCount());
        // JSON whatever the Accept header says, as it always was.
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(new ReportAccepted(id, ReportStatus.RUNNING));
    }
}
