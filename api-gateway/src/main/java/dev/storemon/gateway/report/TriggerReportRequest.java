package dev.storemon.gateway.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storemon.gateway.web.JsonText;
import dev.storemon.uptime.Interpolation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What {@code trigger_report} asks for, as the optional JSON body or the query parameters of the same names.
 *
 * @param asOf          the as-of instant, ISO-8601; missing: the latest poll of the pinned data version
 * @param interpolation nearest or previous (any case); missing: nearest
 */
@Schema(description = "Optional parameters of a new report")
record TriggerReportRequest(
        @JsonProperty("as_of")
        @JsonDeserialize(using = JsonText.class)
        @Schema(
                type = "string",
                format = "date-time",
                example = "2023-01-25T18:00:00Z",
                description = "the report's as-of instant (offsets allowed; kept to microseconds); default: the "
                        + "latest poll of the pinned data version")
        @IsoInstant(
                message =
                        "as_of must be an ISO-8601 instant such as 2023-01-25T18:00:00Z, " + "was '${validatedValue}'")
        String asOf,

        @JsonProperty("interpolation")
        @JsonDeserialize(using = JsonText.class)
        @Schema(
                type = "string",
                allowableValues = {"nearest", "previous"},
                defaultValue = "nearest",
                description = "how a store's status is extrapolated between polls (docs/semantics.md)")
        @InterpolationName
        String interpolation) {

    /** A body field wins over the query parameter of the same name. */
    TriggerReportRequest overriddenBy(TriggerReportRequest body) {
        if (body == null) {
            return this;
        }
        return new TriggerReportRequest(
                body.asOf() != null ? body.asOf() : asOf,
                body.interpolation() != null ? body.interpolation() : interpolation);
    }

    /** Valid only: the parsed instant, null for the default. */
    Instant asOfInstant() {
        return IsoInstant.Validator.parse(asOf);
    }

    /** Valid only: the parsed mode, NEAREST by default. */
    Interpolation interpolationMode() {
        return InterpolationName.Validator.parse(interpolation);
    }
}
