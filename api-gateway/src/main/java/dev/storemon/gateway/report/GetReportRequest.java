package dev.storemon.gateway.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storemon.gateway.web.JsonText;
import dev.storemon.gateway.web.UuidText;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * Which report {@code get_report} shows, as a JSON body or the query parameter of the same name.
 *
 * @param reportId the id {@code trigger_report} answered
 */
@Schema(description = "The report to show")
record GetReportRequest(
        @JsonProperty("report_id") @JsonDeserialize(using = JsonText.class)
        @Schema(type = "string", format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b")
        @NotBlank(message = "report_id is required (a query parameter, or {\"report_id\"} in a POST body)")
        @UuidText(message = "report_id must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, "
                + "was '${validatedValue}'")
        String reportId) {

    /** A body field wins over the query parameter of the same name. */
    GetReportRequest overriddenBy(GetReportRequest body) {
        return body != null && body.reportId() != null ? body : this;
    }

    /** Valid only: the id. */
    UUID id() {
        return UuidText.Validator.parse(reportId);
    }
}
