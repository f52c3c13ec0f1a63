package dev.storemon.gateway.page;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storemon.uptime.StoreTimeline;
import dev.storemon.uptime.StoreUptime;
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
record StoreTimelineView(
        @JsonProperty("report_id") String reportId,
        @JsonProperty("store_id") String storeId,
        @JsonProperty("time_zone") String timeZone,
        @JsonProperty("as_of") Instant asOf,
        @JsonProperty("as_of_local") LocalDateTime asOfLocal,
        @JsonProperty("week_start") Instant weekStart,
        @JsonProperty("week_start_local") LocalDateTime weekStartLocal,
        @JsonProperty("interpolation") String interpolation,
        @JsonProperty("data_version") long dataVersion,
        @JsonProperty("figures") Figures figures,
        @JsonProperty("segments") List<Segment> segments,
        @JsonProperty("polls") List<Poll> polls) {

    /** The six figures exactly as the report's CSV line writes them (hour in minutes, day and week in hours). */
    record Figures(
            @JsonProperty("uptime_last_hour") BigDecimal uptimeLastHour,
            @JsonProperty("uptime_last_day") BigDecimal uptimeLastDay,
            @JsonProperty("uptime_last_week") BigDecimal uptimeLastWeek,
            @JsonProperty("downtime_last_hour") BigDecimal downtimeLastHour,
            @JsonProperty("downtime_last_day") BigDecimal downtimeLastDay,
            @JsonProperty("downtime_last_week") BigDecimal downtimeLastWeek) {

        static Figures of(StoreUptime row) {
            return new Figures(row.uptimeLastHour(), row.uptimeLastDay(), row.uptimeLastWeek(),
                    row.downtimeLastHour(), row.downtimeLastDay(), row.downtimeLastWeek());
        }
    }

    /** A piece of business time {@code [start, end)} and the status the engine gave it: up or down. */
    record Segment(
            @JsonProperty("start") Instant start,
            @JsonProperty("end") Instant end,
            @JsonProperty("start_local") LocalDateTime startLocal,
            @JsonProperty("end_local") LocalDateTime endLocal,
            @JsonProperty("status") String status) {
    }

    /** A poll the engine used: active or inactive. */
    record Poll(
            @JsonProperty("at") Instant at,
            @JsonProperty("at_local") LocalDateTime atLocal,
            @JsonProperty("status") String status) {
    }

    static StoreTimelineView of(ReportHeader report, ZoneId zone, StoreTimeline timeline) {
        Instant weekStart = report.asOf().minus(7, ChronoUnit.DAYS);
        return new StoreTimelineView(report.id().toString(), timeline.figures().storeId(), zone.getId(),
                report.asOf(), local(report.asOf(), zone), weekStart, local(weekStart, zone), report.interpolation(),
                report.dataVersion(), Figures.of(timeline.figures()),
                timeline.segments().stream().map(s -> new Segment(s.start(), s.end(), local(s.start(), zone),
                        local(s.end(), zone), s.active() ? "up" : "down")).toList(),
                timeline.polls().stream().map(p -> new Poll(p.at(), local(p.at(), zone),
                        p.active() ? "active" : "inactive")).toList());
    }

    private static LocalDateTime local(Instant instant, ZoneId zone) {
        return LocalDateTime.ofInstant(instant, zone);
    }
}
