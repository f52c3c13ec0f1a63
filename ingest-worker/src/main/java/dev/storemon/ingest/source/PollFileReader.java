package dev.storemon.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * Reads the poll file. The poll file is a log that grows: when its first bytes are exactly those the previous load
 * read (same length at least, same CRC-32C of that prefix, prefix ending at a line break), only the appended tail is
 * parsed; otherwise the whole file is. Rejected lines are part of the prefix like any other: they are reported by the
 * run that parsed them and not parsed again.
 */
public final class PollFileReader {

    /** Receives each valid poll. */
    public interface Sink {
        void poll(String storeId, long epochMicros, boolean active);
    }

    private static final List<List<String>> COLUMNS =
            List.of(List.of("store_id"), List.of("status"), List.of("timestamp_utc", "timestamp"));

    private PollFileReader() {}

    /**
     * Reads the valid polls that are new in the file since the previous load.
     *
     * @param file           the poll file
     * @param previous       the {@code source} facts the previous load recorded for its poll file
     * @param notAfterMicros the latest acceptable poll (the wall clock plus the future tolerance); later ones are
     *                       rejected
     * @param limit          rejections to keep
     * @param sink           receives the polls
     * @return the file's report; its {@code source} facts are what the next load compares with
     * @throws BadSourceException when the file cannot be read or lacks a column
     */
    public static FileReport.Builder read(
            Path file, FileReport.Source previous, long notAfterMicros, int limit, Sink sink) {
        try (SourceFile source = new SourceFile(file)) {
            FileReport.Builder report = new FileReport.Builder(FileReport.Kind.POLLS, source.name(), limit);
            int[] columns = CsvRows.columns(source.name(), source.header(), COLUMNS);
            CRC32C crc = new CRC32C();
            long from = source.headerEnd();
            long firstLine = 2;
            boolean resumed = false;
            long previousBytes = previous.bytes() == null ? -1 : previous.bytes();
            if (Boolean.TRUE.equals(previous.endsWithNewline())
                    && previous.lines() != null
                    && previousBytes >= source.headerEnd()
                    && previousBytes <= source.size()) {
                source.checksum(0, previousBytes, crc);
                if (SourceFile.hex(crc.getValue()).equals(previous.crc32c())) {
                    resumed = true;
                    from = previousBytes;
                    firstLine = previous.lines() + 1;
                    report.status(from == source.size() ? FileReport.Status.UNCHANGED : FileReport.Status.APPENDED);
                } else {
                    crc.reset();
                }
            }
            if (!resumed) {
                source.checksum(0, from, crc);
            }
            long lines;
            try (InputStream bytes = source.bytes(from, crc)) {
                lines = firstLine
                        - 1
                        + CsvRows.parse(
                                bytes,
                                firstLine,
                                source.header().size(),
                                columns,
                                report,
                                (line, values) -> row(line, values, notAfterMicros, report, sink));
            }
            report.source(FileReport.Source.polls(
                    source.size(), lines, SourceFile.hex(crc.getValue()), source.endsWithNewline(), from));
            return report;
        } catch (IOException e) {
            throw new BadSourceException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void row(long line, String[] values, long notAfterMicros, FileReport.Builder report, Sink sink) {
        String storeId = StoreIds.trim(values[0]);
        String problem = StoreIds.problem(storeId);
        if (problem != null) {
            report.reject(line, problem);
            return;
        }
        String status = values[1].strip().toLowerCase(Locale.ROOT);
        boolean active = status.equals("active");
        if (!active && !status.equals("inactive")) {
            report.reject(line, status.isEmpty() ? "missing status" : "unknown status '" + values[1] + "'");
            return;
        }
        if (values[2].isBlank()) {
            report.reject(line, "missing timestamp_utc");
            return;
        }
        long micros;
        try {
            micros = Timestamps.epochMicros(values[2]);
        } catch (IllegalArgumentException e) {
            report.reject(line, e.getMessage());
            return;
        }
        if (micros > notAfterMicros) {
            report.reject(line, "timestamp in the future");
            return;
        }
        sink.poll(storeId, micros, active);
    }
}
