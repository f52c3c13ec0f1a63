package dev.storemon.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;
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

    private static final byte[] ACTIVE = "active".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INACTIVE = "inactive".getBytes(StandardCharsets.US_ASCII);

    /** A range shorter than this per thread is parsed on one thread (an appended hour is ~800 KB). */
    static final long MIN_PART_BYTES = 4L << 20;

    private PollFileReader() {}

    /**
     * Reads the valid polls that are new in the file since the previous load, on one thread.
     *
     * @see #read(Path, FileReport.Source, long, int, int, LongFunction)
     */
    public static FileReport.Builder read(
            Path file, FileReport.Source previous, long notAfterMicros, int limit, Sink sink) {
        return read(file, previous, notAfterMicros, limit, 1, bytes -> sink);
    }

    /**
     * Reads the valid polls that are new in the file since the previous load. A large range is cut at line breaks
     * into up to {@code threads} parts parsed at once, one thread each (a cold JVM parses ~1M lines/s per core): each
     * part has its own sink and its own report, and the reports are added in file order, with their lines counted
     * from the top of the file. So the polls, rejections and counts are those of a parse on one thread: the sinks,
     * taken in the order they were asked for, receive the same polls in the same order.
     *
     * @param file           the poll file
     * @param previous       the {@code source} facts the previous load recorded for its poll file
     * @param notAfterMicros the latest acceptable poll (the wall clock plus the future tolerance); later ones are
     *                       rejected
     * @param limit          rejections to keep
     * @param threads        how many parts the range to parse may be cut into, at most
     * @param sinks          called once per part, in file order, on the calling thread, with the part's length in
     *                       bytes (to size the sink): the part's sink
     * @return the file's report; its {@code source} facts are what the next load compares with
     * @throws BadSourceException when the file cannot be read or lacks a column
     */
    public static FileReport.Builder read(
            Path file,
            FileReport.Source previous,
            long notAfterMicros,
            int limit,
            int threads,
            LongFunction<? extends Sink> sinks) {
        return read(file, previous, notAfterMicros, limit, threads, MIN_PART_BYTES, sinks);
    }

    /** As above; {@code minPartBytes}: a part is at least this long (tests cut small files). */
    static FileReport.Builder read(
            Path file,
            FileReport.Source previous,
            long notAfterMicros,
            int limit,
            int threads,
            long minPartBytes,
            LongFunction<? extends Sink> sinks) {
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
            List<Long> cuts = cuts(source, from, threads, minPartBytes);
            long lines;
            if (cuts.size() == 2) {
                try (InputStream bytes = source.bytes(from, crc)) {
                    lines = firstLine
                            - 1
                            + parsePart(
                                    bytes,
                                    firstLine,
                                    source,
                                    columns,
                                    notAfterMicros,
                                    report,
                                    sinks.apply(source.size() - from));
                }
            } else {
                lines = firstLine
                        - 1
                        + parseParts(source, cuts, firstLine, columns, notAfterMicros, limit, report, sinks, crc);
            }
            report.source(FileReport.Source.polls(
                    source.size(), lines, SourceFile.hex(crc.getValue()), source.endsWithNewline(), from));
            return report;
        } catch (IOException e) {
            throw new BadSourceException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** @return the parts' bounds: {@code from}, each cut (the start of a line), the size; one part if small */
    private static List<Long> cuts(SourceFile source, long from, int threads, long minPartBytes) throws IOException {
        long length = source.size() - from;
        int parts = (int) Math.max(1, Math.min(threads, length / Math.max(1, minPartBytes)));
        List<Long> cuts = new ArrayList<>();
        cuts.add(from);
        for (int p = 1; p < parts; p++) {
            long cut = source.nextLineStart(Math.max(cuts.get(cuts.size() - 1), from + length * p / parts));
            if (cut < source.size()) {
                cuts.add(cut);
            }
        }
        cuts.add(source.size());
        return cuts;
    }

    /** @return how many line breaks the part holds */
    private static long parsePart(
            InputStream bytes,
            long firstLine,
            SourceFile source,
            int[] columns,
            long notAfterMicros,
            FileReport.Builder report,
            Sink sink)
            throws IOException {
        StoreIdTable storeIds = new StoreIdTable();
        String[] values = new String[COLUMNS.size()];
        CsvRows rows = CsvRows.over(bytes, firstLine, source.header().size(), columns, report);
        while (rows.next()) {
            byte[] row = rows.bytes();
            if (!fastRow(row, rows, notAfterMicros, storeIds, sink)) {
                for (int c = 0; c < values.length; c++) {
                    values[c] = rows.value(c);
                }
                row(rows.line(), values, notAfterMicros, report, sink);
            }
        }
        return rows.lineBreaks();
    }

    /**
     * A row as nearly every line of a real file is written ({@code id,active,2023-01-22 12:09:39.388884 UTC}), read
     * from its bytes with no {@code String} but the store id's first sight. Anything else (another timestamp form, a
     * blank other than a space, a bad value) is left to {@link #row}, which decides and words the rejection.
     *
     * @return whether the row was valid in that form and given to the sink
     */
    private static boolean fastRow(byte[] row, CsvRows rows, long notAfterMicros, StoreIdTable storeIds, Sink sink) {
        int idFrom = skipSpaces(row, rows.from(0), rows.to(0));
        int idTo = skipTrailingSpaces(row, idFrom, rows.to(0));
        String storeId = storeIds.id(row, idFrom, idTo);
        if (storeId == null) {
            return false;
        }
        int statusFrom = skipSpaces(row, rows.from(1), rows.to(1));
        int statusTo = skipTrailingSpaces(row, statusFrom, rows.to(1));
        boolean active;
        if (equalsIgnoreCase(row, statusFrom, statusTo, ACTIVE)) {
            active = true;
        } else if (equalsIgnoreCase(row, statusFrom, statusTo, INACTIVE)) {
            active = false;
        } else {
            return false;
        }
        int timeFrom = skipSpaces(row, rows.from(2), rows.to(2));
        long micros = Timestamps.epochMicrosUtcForm(row, timeFrom, skipTrailingSpaces(row, timeFrom, rows.to(2)));
        if (micros == Timestamps.NOT_UTC_FORM || micros > notAfterMicros) {
            return false;
        }
        sink.poll(storeId, micros, active);
        return true;
    }

    private static int skipSpaces(byte[] bytes, int from, int to) {
        while (from < to && bytes[from] == ' ') {
            from++;
        }
        return from;
    }

    private static int skipTrailingSpaces(byte[] bytes, int from, int to) {
        while (to > from && bytes[to - 1] == ' ') {
            to--;
        }
        return to;
    }

    /** ASCII case folding, as {@code toLowerCase(Locale.ROOT)} does for these letters. */
    private static boolean equalsIgnoreCase(byte[] bytes, int from, int to, byte[] lowerCase) {
        if (to - from != lowerCase.length) {
            return false;
        }
        for (int i = 0; i < lowerCase.length; i++) {
            if ((bytes[from + i] | 0x20) != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    private static long parseParts(
            SourceFile source,
            List<Long> cuts,
            long firstLine,
            int[] columns,
            long notAfterMicros,
            int limit,
            FileReport.Builder report,
            LongFunction<? extends Sink> sinks,
            CRC32C crc)
            throws IOException {
        int parts = cuts.size() - 1;
        List<FileReport.Builder> reports = new ArrayList<>();
        List<Future<Long>> lineCounts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parts, runnable -> {
            Thread thread = new Thread(runnable, "ingest-parse");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int p = 0; p < parts; p++) {
                // each part numbers its lines from 0; its line offset is known once the parts before it are parsed
                FileReport.Builder partReport = new FileReport.Builder(FileReport.Kind.POLLS, source.name(), limit);
                Sink sink = sinks.apply(cuts.get(p + 1) - cuts.get(p));
                InputStream bytes = source.range(cuts.get(p), cuts.get(p + 1));
                reports.add(partReport);
                lineCounts.add(
                        pool.submit(() -> parsePart(bytes, 0, source, columns, notAfterMicros, partReport, sink)));
            }
            source.checksum(cuts.get(0), source.size(), crc); // meanwhile, on this thread
            long line = firstLine;
            for (int p = 0; p < parts; p++) {
                long count = lineCounts.get(p).get();
                report.add(reports.get(p), line);
                line += count;
            }
            return line - firstLine;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing the poll file", e);
        } finally {
            pool.shutdownNow();
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
