package dev.storemon.gateway.page;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storemon.uptime.StoreTimeline;
import dev.storemon.uptime.StoreUptime;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The answer of {@code GET /api/reports/{report_id}/stores/{store_id}/timeline}: one store's week as the engine
 * counted it for that report. Instants are UTC; each also comes as the store's local date-time, so that the page draws
 * local days without time-zone rules of its own.
 */
@Schema(description = "One store's week under a report, as the engine counted it")
record StoreTimelineView(
        @JsonProperty("report_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid")
        String reportId,

        @JsonProperty("store_id") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        String storeId,

        @JsonProperty("time_zone") @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "America/Chicago")
        String timeZone,

        @JsonProperty("as_of") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Instant asOf,

        @JsonProperty("as_of_local")
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                implementation = String.class,
                format = LOCAL,
                example = LOCAL_EXAMPLE)
        LocalDateTime asOfLocal,

        @JsonProperty("week_start") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Instant weekStart,

        @JsonProperty("week_start_local")
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                implementation = String.class,
                format = LOCAL,
                example = LOCAL_EXAMPLE)
        LocalDateTime weekStartLocal,

        @JsonProperty("interpolation")
        @Schema(
                requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"nearest", "previous"})
        String interpolation,

        @JsonProperty("data_version") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        long dataVersion,

        @JsonProperty("figures") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        Figures figures,

        @JsonProperty("segments") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<Segment> segments,

        @JsonProperty("polls") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<Poll> polls) {

    /**
     * A date-time on the store's clock, without offset: not OpenAPI's {@code date-time} (RFC 3339 requires an
     * offset, and a generated client would fail to read it), so a string of a format of our own.
     */
    static final String LOCAL = "local-date-time";

    static final String LOCAL_EXAMPLE = "2023-01-25T05:59:52.131418";

    /** The six figures exactly as the report's CSV line writes them (hour in minutes, day and week in hours). */
    @Schema(name = "StoreFigures", description = "The six figures as the report's CSV line writes them")
    record Figures(
            @JsonProperty("uptime_last_hour") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal uptimeLastHour,

            @JsonProperty("uptime_last_day") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal uptimeLastDay,

            @JsonProperty("uptime_last_week") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal uptimeLastWeek,

            @JsonProperty("downtime_last_hour") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal downtimeLastHour,

            @JsonProperty("downtime_last_day") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal downtimeLastDay,

            @JsonProperty("downtime_last_week") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            BigDecimal downtimeLastWeek) {

        static Figures of(StoreUptime row) {
            return new Figures(
                    row.uptimeLastHour(),
                    row.uptimeLastDay(),
                    row.uptimeLastWeek(),
                    row.downtimeLastHour(),
                    row.downtimeLastDay(),
                    row.downtimeLastWeek());
        }
    }

    /** A piece of business time {@code [start, end)} and the status the engine gave it: up or down. */
    @Schema(name = "TimelineSegment", description = "A piece of business time and its status, up or down")
    record Segment(
            @JsonProperty("start") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant start,

            @JsonProperty("end") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant end,

            @JsonProperty("start_local")
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    implementation = String.class,
                    format = LOCAL,
                    example = LOCAL_EXAMPLE)
            LocalDateTime startLocal,

            @JsonProperty("end_local")
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    implementation = String.class,
                    format = LOCAL,
                    example = LOCAL_EXAMPLE)
            LocalDateTime endLocal,

            @JsonProperty("status")
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"up", "down"})
            String status) {}

    /** A poll the engine used: active or inactive. */
    @Schema(name = "TimelinePoll", description = "A poll the engine used")
    record Poll(
            @JsonProperty("at") @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Instant at,

            @JsonProperty("at_local")
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    implementation = String.class,
                    format = LOCAL,
                    example = LOCAL_EXAMPLE)
            LocalDateTime atLocal,

            @JsonProperty("status")
            @Schema(
                    requiredMode = Schema.RequiredMode.REQUIRED,
                    allowableValues = {"active", "inactive"})
            String status) {}

    static StoreTimelineView of(ReportHeader report, ZoneId zone, StoreTimeline timeline) {
        Instant weekStart = report.asOf().minus(7, ChronoUnit.DAYS);
        return new StoreTimelineView(
                report.id().toString(),
                timeline.figures().storeId(),
                zone.getId(),
                report.asOf(),
                local(report.asOf(), zone),
                weekStart,
                local(weekStart, zone),
                report.interpolation(),
                report.dataVersion(),
                Figures.of(timeline.figures()),
                timeline.segments().stream()
                        .map(s -> new Segment(
                                s.start(),
                                s.end(),
                                local(s.start(), zone),
                                local(s.end(), zone),
                                s.active() ? "up" : "down"))
                        .toList(),
                timeline.polls().stream()
                        .map(p -> new Poll(p.at(), local(p.at(), zone), p.active() ? "active" : "inactive"))
                        .toList());
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
