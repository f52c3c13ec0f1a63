package dev.storemon.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poll file cut into parts parsed on several threads gives exactly what one thread gives: the same polls in the same
 * order, the same rejections with the same lines, the same counts and source facts, wherever the cuts fall.
 */
class PollFileReaderPartsTest {

    private static final long NOT_AFTER = Timestamps.epochMicros("2030-01-01 00:00:00 UTC");

    @TempDir
    Path dir;

    private record Poll(String storeId, long micros, boolean active) {}

    private record Parse(FileReport report, List<Poll> polls) {}

    @Test
    void anyCutGivesTheSameRowsAndRejectionsAsOneThread() throws IOException {
        Path file = write(poisonedFile(2_000, 7));
        Parse one = parse(file, FileReport.Source.NONE, 1, 1);
        assertThat(one.report().rowsRejected()).isGreaterThan(50);
        assertThat(one.polls()).hasSizeGreaterThan(1_500);
        for (int threads = 2; threads <= 9; threads++) {
            for (long minPart : new long[] {1, 100, 5_000, 40_000}) {
                Parse parts = parse(file, FileReport.Source.NONE, threads, minPart);
                assertThat(parts.report())
                        .as("%d threads, parts >= %d bytes", threads, minPart)
                        .isEqualTo(one.report());
                assertThat(parts.polls())
                        .as("%d threads, parts >= %d bytes", threads, minPart)
                        .isEqualTo(one.polls());
            }
        }
    }

    @Test
    void anAppendedTailCutInPartsCountsLinesFromTheTopOfTheFile() throws IOException {
        Path file = write(poisonedFile(500, 1));
        FileReport.Source previous =
                parse(file, FileReport.Source.NONE, 1, 1).report().source();
        Files.write(file, poisonedBody(1_000, 2), StandardOpenOption.APPEND);

        Parse one = parse(file, previous, 1, 1);
        Parse parts = parse(file, previous, 4, 1);

        assertThat(one.report().status()).isEqualTo(FileReport.Status.APPENDED);
        assertThat(one.report().rejections().get(0).line()).isGreaterThan(500);
        assertThat(parts.report()).isEqualTo(one.report());
        assertThat(parts.polls()).isEqualTo(one.polls());
    }

    @Test
    void aFileWithoutAFinalLineBreakEndsTheSameInParts() throws IOException {
        byte[] body = poisonedFile(300, 3);
        byte[] cut = java.util.Arrays.copyOf(body, body.length - 1); // drops the last LF
        Path file = write(cut);

        Parse one = parse(file, FileReport.Source.NONE, 1, 1);
        Parse parts = parse(file, FileReport.Source.NONE, 5, 1);

        assertThat(one.report().source().endsWithNewline()).isFalse();
        assertThat(parts.report()).isEqualTo(one.report());
        assertThat(parts.polls()).isEqualTo(one.polls());
    }

    private Parse parse(Path file, FileReport.Source previous, int threads, long minPartBytes) {
        List<List<Poll>> sinks = new ArrayList<>();
        FileReport.Builder report =
                PollFileReader.read(file, previous, NOT_AFTER, 10_000, threads, minPartBytes, bytes -> {
                    List<Poll> polls = new ArrayList<>();
                    sinks.add(polls);
                    return (storeId, micros, active) -> polls.add(new Poll(storeId, micros, active));
                });
        return new Parse(report.build(), sinks.stream().flatMap(List::stream).toList());
    }

    private Path write(byte[] bytes) throws IOException {
        Path file = dir.resolve("store_status.csv");
        Files.write(file, bytes);
        return file;
    }

    private static byte[] poisonedFile(int lines, long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("store_id,status,timestamp_utc\r\n".getBytes(StandardCharsets.UTF_8));
        out.write(poisonedBody(lines, seed));
        return out.toByteArray();
    }

    /** Valid polls (both timestamp forms, CRLF, quotes, repeats) mixed with every kind of broken line. */
    private static byte[] poisonedBody(int lines, long seed) throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines; i++) {
            String store = "s" + random.nextInt(40);
            String ts = String.format(
                    "2023-01-%02d %02d:%02d:%02d.%06d UTC",
                    1 + random.nextInt(28),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    random.nextInt(1_000_000));
            String line =
                    switch (random.nextInt(40)) {
                        case 0 -> store + ",active,\"" + ts; // unterminated quote
                        case 1 -> store + ",act\0ive," + ts; // NUL
                        case 2 -> store + ",active," + "x".repeat(1_500); // over-long line
                        case 3 -> store + ",active,2031-01-01 00:00:00 UTC"; // in the future
                        case 4 -> "=1+2,active," + ts; // bad store id
                        case 5 -> store + ",sleeping," + ts;
                        case 6 -> store + ",active";
                        case 7 -> "";
                        case 8 -> "\"" + store + "\",\"inactive\",\"" + ts + "\"";
                        case 9 -> store + ",active,2023-01-05T10:00:00.5+02:00\r";
                        case 10 -> store + ",active,not a time";
                        default -> store + (random.nextBoolean() ? ",active," : ",INACTIVE,") + ts;
                    };
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }
}
