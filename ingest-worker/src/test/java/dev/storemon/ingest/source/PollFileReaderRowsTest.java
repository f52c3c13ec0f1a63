package dev.storemon.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each way a poll line can be written, read from its bytes (the common form) or, for anything else, from its text:
 * the poll it gives, or the rejection's wording, is the same either way.
 */
class PollFileReaderRowsTest {

    private static final long NOT_AFTER = Timestamps.epochMicros("2030-01-01 00:00:00 UTC");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "s1,active,2023-01-22 12:09:39.388884 UTC         | s1 true 2023-01-22 12:09:39.388884 UTC",
                "s1,inactive,2023-01-22 12:09:39 UTC              | s1 false 2023-01-22 12:09:39 UTC",
                "`  s1  , ACTIVE ,  2023-01-22 12:09:39.5 UTC  `  | s1 true 2023-01-22 12:09:39.5 UTC",
                "s1,InActive,2023-01-22T12:09:39.1234567Z         | s1 false 2023-01-22 12:09:39.123456 UTC",
                "`s1,\tactive\t,2023-01-22 12:09:39 UTC\t`        | s1 true 2023-01-22 12:09:39 UTC",
                "a.b:c_d-9,active,2024-02-29 23:59:59.999999 UTC  | a.b:c_d-9 true 2024-02-29 23:59:59.999999 UTC",
                "s1,active,2023-02-29 12:00:00 UTC                | bad timestamp '2023-02-29 12:00:00 UTC'",
                "s1,active,2023-01-22 24:00:00 UTC                | bad timestamp '2023-01-22 24:00:00 UTC'",
                "s1,active,2023-01-22 12:00:00.12x UTC            | bad timestamp '2023-01-22 12:00:00.12x UTC'",
                "s1,active,2023-01-22 12:00:00 utc                | bad timestamp '2023-01-22 12:00:00 utc'",
                "s1,active,２023-01-22 12:00:00 UTC               | bad timestamp '２023-01-22 12:00:00 UTC'",
                "s1,active,2031-01-01 00:00:00 UTC                | timestamp in the future",
                "s1,active,                                       | missing timestamp_utc",
                "s1,actif,2023-01-22 12:00:00 UTC                 | unknown status 'actif'",
                "s1,ａctive,2023-01-22 12:00:00 UTC               | unknown status 'ａctive'",
                "s1,,2023-01-22 12:00:00 UTC                      | missing status",
                "=1+2,active,2023-01-22 12:00:00 UTC              | store_id contains '=' (allowed: letters, digits, '-', '_', '.', ':')",
                "é1,active,2023-01-22 12:00:00 UTC                | store_id contains U+00E9 (allowed: letters, digits, '-', '_', '.', ':')",
                "-1,active,2023-01-22 12:00:00 UTC                | store_id starts with '-'",
                "`\ts1,active,2023-01-22 12:00:00 UTC`            | store_id contains U+0009 (allowed: letters, digits, '-', '_', '.', ':')",
                "` ,active,2023-01-22 12:00:00 UTC`               | empty store_id",
            })
    void aLineGivesItsPollOrItsRejection(String line, String expected) throws IOException {
        Path file = dir.resolve("store_status.csv");
        Files.write(file, ("store_id,status,timestamp_utc\n" + line + "\n").getBytes(StandardCharsets.UTF_8));
        List<String> polls = new ArrayList<>();
        FileReport report = PollFileReader.read(file, FileReport.Source.NONE, NOT_AFTER, 10, (id, micros, active) -> {
                    polls.add(id + " " + active + " " + text(micros));
                })
                .build();
        List<String> outcome = new ArrayList<>(polls);
        report.rejections().forEach(r -> outcome.add(r.reason()));
        assertThat(outcome).containsExactly(expected);
        report.rejections().forEach(r -> assertThat(r.line()).isEqualTo(2));
    }

    @ParameterizedTest
    @CsvSource({"129, store_id longer than 128 characters", "128, ''"})
    void aStoreIdMayHave128Characters(int length, String rejection) throws IOException {
        Path file = dir.resolve("store_status.csv");
        String id = "x".repeat(length);
        Files.write(file, ("store_id,status,timestamp_utc\n" + id + ",active,2023-01-22 12:00:00 UTC\n").getBytes());
        List<String> polls = new ArrayList<>();
        FileReport report = PollFileReader.read(
                        file, FileReport.Source.NONE, NOT_AFTER, 10, (storeId, micros, active) -> polls.add(storeId))
                .build();
        if (rejection.isEmpty()) {
            assertThat(polls).containsExactly(id);
            assertThat(report.rejections()).isEmpty();
        } else {
            assertThat(polls).isEmpty();
            assertThat(report.rejections()).singleElement().satisfies(r -> assertThat(r.reason())
                    .isEqualTo(rejection));
        }
    }

    @ParameterizedTest
    @CsvSource({"s1,active", "s1,inactive"})
    void repeatedIdsAreOneInstance(String id, String status) throws IOException {
        Path file = dir.resolve("store_status.csv");
        Files.write(
                file,
                ("store_id,status,timestamp_utc\n" + (id + "," + status + ",2023-01-22 12:00:00 UTC\n").repeat(3))
                        .getBytes());
        List<String> ids = new ArrayList<>();
        PollFileReader.read(file, FileReport.Source.NONE, NOT_AFTER, 10, (storeId, micros, active) -> ids.add(storeId));
        assertThat(ids)
                .hasSize(3)
                .allSatisfy(s -> assertThat(s).isSameAs(ids.get(0)).isEqualTo(id));
    }

    /** The instant in the poll file's own form, trailing zeros of the fraction dropped. */
    private static String text(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000);
        int fraction = (int) Math.floorMod(micros, 1_000_000);
        String base = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC)
                .toString()
                .replace('T', ' ');
        if (base.length() == 16) {
            base += ":00";
        }
        return (fraction == 0
                        ? base
                        : base + "." + String.format("%06d", fraction).replaceAll("0+$", "")) + " UTC";
    }
}
