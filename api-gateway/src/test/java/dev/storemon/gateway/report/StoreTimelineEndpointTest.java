package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.gateway.GatewayTestBase;
import dev.storemon.testing.Dataset;
import dev.storemon.uptime.ReportCsv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The owners' page API on a real report: every store's timeline, summed here per window and rounded as the CSV rounds
 * (docs/semantics.md rule 8), gives that store's CSV line; the recent-reports list; Problem Details for bad requests.
 */
class StoreTimelineEndpointTest extends GatewayTestBase {

    private static final Instant AS_OF = Instant.parse("2023-03-14T15:37:12.345678Z"); // 2 days after US DST start
    private static final Dataset DATA = new Dataset(42, 40, AS_OF);
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final Workers WORKERS = new Workers();
    private static final BigDecimal MINUTE = BigDecimal.valueOf(60_000_000_000L);
    private static final BigDecimal HOUR = BigDecimal.valueOf(3_600_000_000_000L);

    @BeforeAll
    static void startOneWorker() {
        WORKERS.start("timeline-w1");
    }

    @AfterAll
    static void stopWorkers() {
        WORKERS.close();
    }

    @BeforeEach
    void load() {
        if (jdbc.sql("select count(*) from stores").query(Integer.class).single() != DATA.stores.size()
                || jdbc.sql("select count(*) from reports").query(Integer.class).single() > 0) {
            truncateAll();
            DATA.load(jdbc);
        }
    }

    @Test
    void everyStoresIntervalsSumToItsCsvLineInBothModes() throws Exception {
        for (String body : List.of(
                "{}",
                "{\"as_of\": \"" + AS_OF.minusSeconds(5 * 3600 + 17) + "\", " + "\"interpolation\": \"previous\"}")) {
            String id = trigger(body);
            List<String> lines = awaitCsv(id).lines().skip(1).toList();
            assertThat(lines).hasSizeGreaterThan(20);
            for (String line : lines) {
                String storeId = line.substring(0, line.indexOf(','));
                HttpResponse<String> answer = get("/api/reports/" + id + "/stores/"
                        + URLEncoder.encode(storeId, StandardCharsets.UTF_8) + "/timeline");
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                JsonNode timeline = PLAIN.readTree(answer.body());
                assertThat(summedLine(storeId, timeline))
                        .as("store %s, report %s", storeId, id)
                        .isEqualTo(line);
                assertThat(figuresLine(storeId, timeline.get("figures"))).isEqualTo(line);
                assertThat(timeline.get("report_id").asString()).isEqualTo(id);
                assertThat(timeline.get("polls").size()).isPositive();
            }
        }
    }

    @Test
    void recentReportsListsTheLatestFirst() throws Exception {
        String first = trigger("{}");
        awaitCsv(first);
        String second = trigger("{\"interpolation\": \"previous\"}");
        awaitCsv(second);

        JsonNode reports = PLAIN.readTree(get("/api/reports?limit=2").body()).get("reports");
        assertThat(reports.size()).isEqualTo(2);
        assertThat(reports.get(0).get("report_id").asString()).isEqualTo(second);
        assertThat(reports.get(0).get("status").asString()).isEqualTo("Complete");
        assertThat(reports.get(0).get("interpolation").asString()).isEqualTo("previous");
        assertThat(reports.get(0).get("store_count").asInt())
                .isEqualTo(awaitCsv(second).lines().count() - 1);
        assertThat(reports.get(0).get("as_of").asString()).isEqualTo(DATA.latestPoll.toString());
        assertThat(reports.get(1).get("report_id").asString()).isEqualTo(first);
        assertThat(PLAIN.readTree(get("/api/reports?limit=1").body())
                        .get("reports")
                        .size())
                .isEqualTo(1);
        assertThat(PLAIN.readTree(get("/api/reports").body()).get("reports").size())
                .isEqualTo(2);
    }

    @Test
    void badRequestsGetProblemDetailsNamingTheProblem() throws Exception {
        String id = trigger("{}");
        awaitCsv(id);
        assertProblem(
                get("/api/reports?limit=0"),
                400,
                "invalid-request",
                "limit must be a whole number from 1 to 100, was '0'");
        assertProblem(
                get("/api/reports?limit=ten"),
                400,
                "invalid-request",
                "limit must be a whole number from 1 to 100, was 'ten'");
        assertProblem(
                get("/api/reports/42/stores/s/timeline"),
                400,
                "invalid-request",
                "report_id must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, was '42'");
        assertProblem(
                get("/api/reports/00000000-0000-4000-8000-000000000000/stores/s/timeline"),
                404,
                "report-not-found",
                "no report with report_id 00000000-0000-4000-8000-000000000000");
        assertProblem(
                get("/api/reports/" + id + "/stores/no-such-store/timeline"),
                404,
                "store-not-found",
                "store no-such-store is not in report " + id);
        assertProblem(
                get("/api/reports/" + id + "/stores/" + "x".repeat(201) + "/timeline"),
                400,
                "invalid-request",
                "store_id must be 1 to 200 characters");
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String type, String detail)
            throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = PLAIN.readTree(answer.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo("https://storemon.dev/problems/" + type);
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    /** The CSV line of the timeline's intervals, summed per window and rounded half-up here, not by the engine. */
    private static String summedLine(String storeId, JsonNode timeline) {
        long now = nanos(Instant.parse(timeline.get("as_of").asString()));
        long[] starts = {now - 3_600_000_000_000L, now - 86_400_000_000_000L, now - 7 * 86_400_000_000_000L};
        long[] up = new long[3];
        long[] down = new long[3];
        long previousEnd = starts[2];
        for (JsonNode segment : timeline.get("segments")) {
            long from = nanos(Instant.parse(segment.get("start").asString()));
            long to = nanos(Instant.parse(segment.get("end").asString()));
            assertThat(from)
                    .as("sorted, disjoint, inside the week")
                    .isGreaterThanOrEqualTo(previousEnd)
                    .isLessThan(to);
            assertThat(to).isLessThanOrEqualTo(now);
            previousEnd = to;
            for (int w = 0; w < 3; w++) {
                long inside = Math.max(0, to - Math.max(from, starts[w]));
                switch (segment.get("status").asString()) {
                    case "up" -> up[w] += inside;
                    case "down" -> down[w] += inside;
                    default -> throw new AssertionError("status " + segment.get("status"));
                }
            }
        }
        List<String> fields = new ArrayList<>(List.of(storeId));
        fields.add(halfUp(up[0], MINUTE));
        fields.add(halfUp(up[1], HOUR));
        fields.add(halfUp(up[2], HOUR));
        fields.add(halfUp(down[0], MINUTE));
        fields.add(halfUp(down[1], HOUR));
        fields.add(halfUp(down[2], HOUR));
        return String.join(",", fields);
    }

    private static String figuresLine(String storeId, JsonNode figures) {
        List<String> fields = new ArrayList<>(List.of(storeId));
        for (String column : ReportCsv.HEADER.split(",")) {
            if (!column.equals("store_id")) {
                fields.add(figures.get(column)
                        .decimalValue()
                        .setScale(2, RoundingMode.UNNECESSARY)
                        .toPlainString());
            }
        }
        return String.join(",", fields);
    }

    private static String halfUp(long nanos, BigDecimal unit) {
        return new BigDecimal(nanos).divide(unit, 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private String trigger(String body) throws Exception {
        HttpResponse<String> answer = post("/api/trigger_report", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return PLAIN.readTree(answer.body()).get("report_id").asString();
    }

    private String awaitCsv(String id) {
        HttpResponse<String> done = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> get("/get_report?report_id=" + id), r -> r.statusCode() != 202);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return done.body();
    }
}
