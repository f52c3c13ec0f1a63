package dev.storemon.gateway.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storemon.gateway.web.JsonText;
import dev.storemon.gateway.web.UuidText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Which report {@code get_report} shows, and in which form, as a JSON body or the query parameters of the same names.
 *
 * @param reportId the id {@code trigger_report} answered
 * @param format   {@code csv} or {@code json}: the form of a complete report; missing: chosen by the Accept header
 */
@Schema(description = "The report to show")
record GetReportRequest(
        @JsonProperty("report_id")
        @JsonDeserialize(using = JsonText.class)
        @Schema(
                type = "string",
                format = "uuid",
                requiredMode = Schema.RequiredMode.REQUIRED,
                example = "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b")
        @NotBlank(message = "report_id is required (a query parameter, or {\"report_id\"} in a POST body)")
        @UuidText(
                message = "report_id must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, "
                        + "was '${validatedValue}'")
        String reportId,

        @JsonProperty("format")
        @JsonDeserialize(using = JsonText.class)
        @Schema(
                type = "string",
                allowableValues = {"csv", "json"},
                description = "the form of a complete report, the same as Accept: text/csv or application/json "
                        + "(and winning over it); default: chosen by the Accept header")
        @Pattern(regexp = "csv|json", message = "format must be csv or json, was '${validatedValue}'")
        String format) {

    /** The JSON form of a complete report. */
    static final String JSON = "json";

    /** A body field wins over the query parameter of the same name. */
    GetReportRequest overriddenBy(GetReportRequest body) {
        if (body == null) {
            return this;
        }
        return new GetReportRequest(
                body.reportId() != null ? body.reportId() : reportId, body.format() != null ? body.format() : format);
    }

    /** Valid only: the id. */
    UUID id() {
        return UuidText.Validator.parse(reportId);
    }
}
