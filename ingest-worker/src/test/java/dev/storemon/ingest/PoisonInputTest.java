package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.ingest.run.RunResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Input meant (or bound) to break the load: future polls, unparseable lines, store ids a spreadsheet would run. */
class PoisonInputTest extends IngestTestSupport {

    private static final String HEADER = "store_id,status,timestamp_utc";
    private static final DateTimeFormatter UTC_FORM =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final String ALLOWED = " (allowed: letters, digits, '-', '_', '.', ':')";

    @Test
    void pollsDatedLaterThanTheClockPlusTheToleranceAreRejectedWithTheirLine() {
        Instant now = Instant.now();
        write(
                "store_status.csv",
                HEADER,
                "s1,active,2023-01-22 10:00:00 UTC",
                "s1,active,2031-01-22 10:00:00 UTC",
                "s2,active," + UTC_FORM.format(now.plus(Duration.ofMinutes(30))), // within the default 1 h
                "s2,inactive," + UTC_FORM.format(now.plus(Duration.ofHours(2))),
                "s3,active,2099-01-01T00:00:00Z");

        RunResult run = runOk();

        assertThat(rejections(run, "polls"))
                .containsExactly(
                        Map.of("line", 3, "reason", "timestamp in the future"),
                        Map.of("line", 5, "reason", "timestamp in the future"),
                        Map.of("line", 6, "reason", "timestamp in the future"));
        assertThat(file(run.runId(), "polls"))
                .containsEntry("rows_read", 5)
                .containsEntry("rows_rejected", 3)
                .containsEntry("rows_loaded", 2);
        assertThat(run.load().rowsRejected()).isEqualTo(3);
        assertThat(count("select count(*) from stores where store_id = 's3'")).isZero();
        // the default as_of of reports is the latest poll: never more than the tolerance ahead of the clock
        Instant latest = run.load().latestPollAt();
        assertThat(latest).isAfter(now).isBefore(now.plus(Duration.ofHours(1)));
    }

    @Test
    void aLineThatCannotBeParsedIsOneRejectionAndTheLinesAfterItLoad() throws IOException {
        write(
                "store_status.csv",
                HEADER,
                "s1,active,2023-01-22 10:00:00 UTC",
                "\"s2,active,2023-01-22 10:00:00 UTC",
                "s3,active,2023-01-22 10:00:00 UTC",
                "s4,act\0ive,2023-01-22 10:00:00 UTC",
                "s5," + "x".repeat(2000) + ",2023-01-22 10:00:00 UTC",
                "s6,active,2023-01-22 10:00:00 UTC",
                "\"s7\"x,active,2023-01-22 10:00:00 UTC",
                "\"s8\",\"active\",\"2023-01-22 10:00:00 UTC\"");
        // a line of 5 MB: skipped while it is read, never held whole
        try (OutputStream out = Files.newOutputStream(SOURCE.resolve("store_status.csv"), StandardOpenOption.APPEND)) {
            byte[] chunk = "y".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 80; i++) {
                out.write(chunk);
            }
            out.write("\ns9,active,2023-01-22 10:00:00 UTC\r\ns10,inactive,2023-01-22 11:00:00 UTC"
                    .getBytes(StandardCharsets.US_ASCII)); // a CRLF line, and a last line without a line break
        }

        RunResult run = runOk();

        assertThat(rejections(run, "polls"))
                .containsExactly(
                        Map.of("line", 3, "reason", "unterminated quote in field 1"),
                        Map.of("line", 5, "reason", "contains a NUL byte"),
                        Map.of("line", 6, "reason", "line longer than 1024 bytes"),
                        Map.of("line", 8, "reason", "text after the closing quote of field 1"),
                        Map.of("line", 10, "reason", "line longer than 1024 bytes"));
        assertThat(polls("true"))
                .containsExactly(
                        "s1,2023-01-22 10:00:00,true,1",
                        "s10,2023-01-22 11:00:00,false,1",
                        "s3,2023-01-22 10:00:00,true,1",
                        "s6,2023-01-22 10:00:00,true,1",
                        "s8,2023-01-22 10:00:00,true,1",
                        "s9,2023-01-22 10:00:00,true,1");
        assertThat(file(run.runId(), "polls")).containsEntry("rows_read", 11).containsEntry("rows_rejected", 5);
    }

    @Test
    void brokenLinesInTheHoursAndZonesFilesAreRejectedLikewise() {
        write("store_status.csv", HEADER, "s1,active,2023-01-22 10:00:00 UTC");
        write(
                "menu_hours.csv",
                "store_id,day,start_time_local,end_time_local",
                "\"s1,0,09:00:00,17:00:00",
                "s1,1,09:00\0:00,17:00:00",
                "s1,2,09:00:00,17:00:00");
        write(
                "timezones.csv",
                "store_id,timezone_str",
                "s1,\"America/Denver",
                "s2," + "z".repeat(1100),
                "s3,America/Denver");

        RunResult run = runOk();

        assertThat(rejections(run, "hours"))
                .containsExactly(
                        Map.of("line", 2, "reason", "unterminated quote in field 1"),
                        Map.of("line", 3, "reason", "contains a NUL byte"));
        assertThat(rejections(run, "zones"))
                .containsExactly(
                        Map.of("line", 2, "reason", "unterminated quote in field 2"),
                        Map.of("line", 3, "reason", "line longer than 1024 bytes"));
        assertThat(run.load().hoursRows()).isEqualTo(1);
        assertThat(run.load().zoneRows()).isEqualTo(1);
    }

    @Test
    void aPoisonLineAppendedLaterIsRejectedOnceAndTheHourlyRunsGoOn() {
        write("store_status.csv", HEADER, "s1,active,2023-01-22 10:00:00 UTC", "s2,active,2023-01-22 10:00:00 UTC");
        RunResult first = runOk();
        assertThat(first.load().version()).isEqualTo(1);

        append(
                "store_status.csv",
                "\"s1,active,2023-01-22 11:00:00 UTC",
                "s2,inactive,2023-01-22 11:00:00 UTC",
                "s1,active,2023-01-22 11:00:00 UTC");
        RunResult second = runOk();
        assertThat(second.load().version()).isEqualTo(2);
        assertThat(second.load().pollsAdded()).isEqualTo(2);
        assertThat(file(second.runId(), "polls"))
                .containsEntry("status", "APPENDED")
                .containsEntry("rows_read", 3)
                .containsEntry("rows_rejected", 1);
        assertThat(rejections(second, "polls"))
                .containsExactly(Map.of("line", 4, "reason", "unterminated quote in field 1"));

        append("store_status.csv", "s1,inactive,2023-01-22 12:00:00 UTC", "s3,active,2023-01-22 12:00:00 UTC");
        RunResult third = runOk();
        assertThat(third.load().version()).isEqualTo(3);
        assertThat(third.load().pollsAdded()).isEqualTo(2);
        // the poison line is in the prefix now: not parsed again, not reported again
        assertThat(file(third.runId(), "polls"))
                .containsEntry("status", "APPENDED")
                .containsEntry("rows_read", 2)
                .containsEntry("rows_rejected", 0);
        assertThat(source(third))
                .containsEntry("lines", 8)
                .containsEntry("parsed_from_byte", source(second).get("bytes"));

        RunResult fourth = runOk();
        assertThat(fourth.load().newVersion()).isFalse();
        assertThat(file(fourth.runId(), "polls"))
                .containsEntry("status", "UNCHANGED")
                .containsEntry("rows_rejected", 0);

        assertThat(polls("true"))
                .containsExactly(
                        "s1,2023-01-22 10:00:00,true,1",
                        "s1,2023-01-22 11:00:00,true,2",
                        "s1,2023-01-22 12:00:00,false,3",
                        "s2,2023-01-22 10:00:00,true,1",
                        "s2,2023-01-22 11:00:00,false,2",
                        "s3,2023-01-22 12:00:00,true,3");
    }

    @Test
    void aTailOfOnlyRejectedLinesCreatesNoVersionAndIsNotParsedAgain() {
        write("store_status.csv", HEADER, "s1,active,2023-01-22 10:00:00 UTC");
        runOk();
        append("store_status.csv", "s1,active,2023-01-22 11:00:00 \"UTC", "=1+2,active,2023-01-22 11:00:00 UTC");
        RunResult poisoned = runOk();
        assertThat(poisoned.load().newVersion()).isFalse();
        assertThat(rejections(poisoned, "polls")).extracting(r -> r.get("line")).containsExactly(3, 4);

        append("store_status.csv", "s1,inactive,2023-01-22 12:00:00 UTC");
        RunResult next = runOk();
        assertThat(next.load().newVersion()).isTrue();
        assertThat(next.load().version()).isEqualTo(2);
        assertThat(file(next.runId(), "polls"))
                .containsEntry("status", "APPENDED")
                .containsEntry("rows_read", 1)
                .containsEntry("rows_rejected", 0)
                .containsEntry("rows_loaded", 1);
        assertThat(polls("true")).containsExactly("s1,2023-01-22 10:00:00,true,1", "s1,2023-01-22 12:00:00,false,2");
    }

    @Test
    void storeIdsAreLettersDigitsAndFourMarksUpTo128CharactersInAllThreeFiles() {
        List<String> accepted = List.of(
                "3974437142024850167",
                "0b6f6c4e-3f1a-4c7e-9a51-2d7c1f0e8b11",
                "a",
                "A_b.c:d-e",
                "x-",
                "1.5",
                "k".repeat(128));
        Map<String, String> rejected = new LinkedHashMap<>();
        rejected.put("=1+2", "store_id contains '='" + ALLOWED);
        rejected.put("+1", "store_id contains '+'" + ALLOWED);
        rejected.put("@x", "store_id contains '@'" + ALLOWED);
        rejected.put("-x", "store_id starts with '-'");
        rejected.put("-1", "store_id starts with '-'");
        rejected.put("k".repeat(129), "store_id longer than 128 characters");
        rejected.put("", "empty store_id");
        rejected.put("a\tb", "store_id contains U+0009" + ALLOWED);
        rejected.put("\t=1", "store_id contains U+0009" + ALLOWED);
        rejected.put("a\rb", "store_id contains U+000D" + ALLOWED);
        rejected.put("a b", "store_id contains U+0020" + ALLOWED);
        rejected.put("s,1", "store_id contains ','" + ALLOWED);
        rejected.put("s\"1", "store_id contains '\"'" + ALLOWED);
        rejected.put("caf\u00e9", "store_id contains U+00E9" + ALLOWED);
        rejected.put("a/b", "store_id contains '/'" + ALLOWED);

        List<String> ids = new ArrayList<>(accepted);
        ids.addAll(rejected.keySet());
        List<String> polls = new ArrayList<>(List.of(HEADER));
        List<String> hours = new ArrayList<>(List.of("store_id,day,start_time_local,end_time_local"));
        List<String> zones = new ArrayList<>(List.of("store_id,timezone_str"));
        for (String id : ids) {
            polls.add(csv(id) + ",active,2023-01-22 10:00:00 UTC");
            hours.add(csv(id) + ",0,09:00:00,17:00:00");
            zones.add(csv(id) + ",America/Denver");
        }
        write("store_status.csv", polls.toArray(String[]::new));
        write("menu_hours.csv", hours.toArray(String[]::new));
        write("timezones.csv", zones.toArray(String[]::new));

        RunResult run = runOk();

        List<Map<String, Object>> expected = new ArrayList<>();
        int line = 2 + accepted.size();
        for (String reason : rejected.values()) {
            expected.add(Map.of("line", line++, "reason", reason));
        }
        for (String kind : List.of("polls", "hours", "zones")) {
            assertThat(rejections(run, kind)).as(kind).isEqualTo(expected);
            assertThat(file(run.runId(), kind)).containsEntry("rows_loaded", accepted.size());
        }
        assertThat(jdbc.sql("select store_id from stores").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(accepted);
    }

    @Test
    void leadingAndTrailingSpacesAroundAStoreIdAreTrimmed() {
        write("store_status.csv", HEADER, "  s1 ,active,2023-01-22 10:00:00 UTC");
        runOk();
        assertThat(polls("true")).containsExactly("s1,2023-01-22 10:00:00,true,1");
    }

    private static String csv(String id) {
        return id.contains(",") || id.contains("\"") ? "\"" + id.replace("\"", "\"\"") + "\"" : id;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rejections(RunResult run, String kind) {
        return (List<Map<String, Object>>) file(run.runId(), kind).get("rejections");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> source(RunResult run) {
        return (Map<String, Object>) file(run.runId(), "polls").get("source");
    }
}
