package dev.storemon.gateway.report;

import dev.storemon.gateway.web.BadRequestException;
import dev.storemon.uptime.Interpolation;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * What {@code trigger_report} asks for. A field in the JSON body wins over the query parameter of the same name.
 *
 * @param asOf          the report's as-of instant, or null for the default (the pinned version's latest poll)
 * @param interpolation how status is extrapolated between polls
 * @param ownerId       the owner whose stores to report on, as asked (checked by ReportAccess), or null
 */
record TriggerParameters(Instant asOf, Interpolation interpolation, String ownerId) {

    static final Set<String> FIELDS = Set.of("as_of", "interpolation", "owner_id");

    static TriggerParameters parse(String asOfParam, String interpolationParam, String ownerIdParam, String body) {
        Map<String, String> fields = RequestBodies.fields(body, FIELDS);
        String asOf = fields.getOrDefault("as_of", asOfParam);
        String interpolation = fields.getOrDefault("interpolation", interpolationParam);
        return new TriggerParameters(parseAsOf(asOf),
                interpolation == null || interpolation.isBlank() ? Interpolation.NEAREST : parseMode(interpolation),
                fields.getOrDefault("owner_id", ownerIdParam));
    }

    private static Instant parseAsOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("as_of must be an ISO-8601 instant such as 2023-01-25T18:00:00Z, was '"
                    + value + "'");
        }
    }

    private static Interpolation parseMode(String value) {
        try {
            return Interpolation.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }
}
