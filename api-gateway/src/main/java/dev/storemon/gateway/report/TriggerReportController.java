package dev.storemon.gateway.report;

import dev.storemon.gateway.GatewayProperties;
import dev.storemon.gateway.security.ReportAccess;
import dev.storemon.gateway.web.JsonResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code trigger_report}: starts a report and answers its id at once. Served at the root and under {@code /api}. */
@RestController
class TriggerReportController {

    private final ReportStarter starter;
    private final GatewayProperties properties;
    private final ReportAccess access;

    TriggerReportController(ReportStarter starter, GatewayProperties properties, ReportAccess access) {
        this.starter = starter;
        this.properties = properties;
        this.access = access;
    }

    @Operation(summary = "Start a report", description = "Optional JSON body {\"as_of\", \"interpolation\", "
            + "\"owner_id\"} or the same query parameters. Answers 200 {\"report_id\", \"status\": \"Running\"}; "
            + "400 for a bad parameter; 409 when no data is loaded yet.")
    @RequestMapping(path = {"/trigger_report", "/api/trigger_report"}, method = {RequestMethod.GET,
            RequestMethod.POST})
    ResponseEntity<byte[]> trigger(
            @Parameter(description = "ISO-8601 instant; default: the latest poll of the pinned data version")
            @RequestParam(name = "as_of", required = false) String asOf,
            @Parameter(description = "nearest (default) or previous")
            @RequestParam(name = "interpolation", required = false) String interpolation,
            @Parameter(description = "admin only: report on this owner's stores (default: all stores); an owner's "
                    + "key always reports on its own stores")
            @RequestParam(name = "owner_id", required = false) String ownerId,
            @RequestBody(required = false) String body) {
        TriggerParameters parameters = TriggerParameters.parse(asOf, interpolation, ownerId, body);
        UUID id = starter.start(parameters.asOf(), parameters.interpolation(), properties.shardCount(),
                access.forTrigger(parameters.ownerId()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("report_id", id.toString());
        answer.put("status", "Running");
        return JsonResponses.json(HttpStatus.OK, answer);
    }

    @ExceptionHandler(NoDataException.class)
    ResponseEntity<byte[]> noData(NoDataException e) {
        return JsonResponses.error(HttpStatus.CONFLICT, e.getMessage());
    }
}
