package dev.storemon.ingest.source;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the data rows of a CSV source line by line, finding the required columns by header name (case and
 * surrounding blanks ignored) and numbering each row by its line (the header is line 1).
 *
 * <p>Each line is one record, parsed on its own (RFC 4180 quoting within the line: a field that starts with
 * {@code "} ends at the next lone {@code "}, {@code ""} is a quote). So a broken line (an unterminated quote, a NUL
 * byte, a line over {@link #MAX_LINE_BYTES}) is one rejected row and the lines after it still load. Bytes are read
 * through a fixed buffer and an over-long line is skipped, not held, so no line can fill memory. Lines end with LF or
 * CRLF; a quoted field cannot span lines (no source needs that: store ids with a line break are rejected anyway).
 */
final class CsvRows {

    /** The longest line accepted, in bytes (without its line break); the real files' lines are under 60 bytes. */
    static final int MAX_LINE_BYTES = 1024;

    private static final int BUFFER_BYTES = 1 << 16;

    /** One data row: the required columns' values in the order asked for. */
    interface Handler {
        void row(long line, String[] values);
    }

    private final InputStream in;
    private final int width;
    private final int[] columns;
    private final FileReport.Builder report;
    private final long firstLine;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int start; // the current line's first byte
    private int scanned; // bytes before this index (from start) hold no line break
    private int end; // bytes buffered
    private boolean skipping; // in a line longer than the limit: its bytes are dropped up to its line break
    private boolean done;
    private long line; // the number of the line read next
    /** Where each field of the current line starts and ends (exclusive); only the first {@code width} are kept. */
    private final int[] fieldStart;

    private final int[] fieldEnd;
    /** The current row: required column {@code c} is {@code rowBytes[valueFrom[c], valueTo[c])}. */
    private byte[] rowBytes;

    private long rowLine;
    private final int[] valueFrom;
    private final int[] valueTo;

    private CsvRows(InputStream in, long firstLine, int width, int[] columns, FileReport.Builder report) {
        this.in = in;
        this.firstLine = firstLine;
        this.line = firstLine;
        this.width = width;
        this.columns = columns;
        this.report = report;
        this.valueFrom = new int[columns.length];
        this.valueTo = new int[columns.length];
        this.fieldStart = new int[width];
        this.fieldEnd = new int[width];
    }

    /**
     * The column names of a header line.
     *
     * @param file the file name, for the error
     * @param line the first line of the file, without its line break
     * @return the names, trimmed, lower case, a leading byte-order mark removed
     * @throws BadSourceException when the header line cannot be parsed
     */
    static List<String> header(String file, byte[] line, int length) {
        int from =
                length >= 3 && (line[0] & 0xff) == 0xEF && (line[1] & 0xff) == 0xBB && (line[2] & 0xff) == 0xBF ? 3 : 0;
        int to = length > from && line[length - 1] == '\r' ? length - 1 : length;
        List<String> names = new ArrayList<>();
        String problem = split(line, from, to, names);
        if (problem != null) {
            throw new BadSourceException(file + ": the header line cannot be parsed: " + problem);
        }
        if (names.size() == 1 && names.get(0).isBlank()) {
            return List.of();
        }
        return names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Finds the required columns.
     *
     * @param file     the file name, for the error
     * @param header   the header's column names
     * @param required per required column, its accepted names (lower case)
     * @return per required column, its index
     * @throws BadSourceException when a required column is missing
     */
    static int[] columns(String file, List<String> header, List<List<String>> required) {
        int[] indexes = new int[required.size()];
        for (int c = 0; c < required.size(); c++) {
            indexes[c] = -1;
            for (String name : required.get(c)) {
                if (indexes[c] < 0) {
                    indexes[c] = header.indexOf(name);
                }
            }
            if (indexes[c] < 0) {
                throw new BadSourceException(file + ": the header has no column " + String.join(" or ", required.get(c))
                        + " (header: " + String.join(",", header) + ")");
            }
        }
        return indexes;
    }

    /**
     * Reads data rows (no header line in {@code in}) one at a time: the caller's loop calls {@link #next()} and reads the
     * row's fields. A reader pulls rather than being called back, so that each file's loop is its own code to the JIT:
     * the poll file's loop, millions of rows, is compiled for its rows alone and no other file's rows deoptimize it.
     *
     * @param in        the bytes after the header (or after the already loaded prefix)
     * @param firstLine the file line number of the first line
     * @param width     how many columns the header has
     * @param columns   the indexes of the required columns
     * @param report    counts rows read and rejects the lines that cannot be parsed or have the wrong width
     */
    static CsvRows over(InputStream in, long firstLine, int width, int[] columns, FileReport.Builder report) {
        return new CsvRows(in, firstLine, width, columns, report);
    }

    /**
     * Parses data rows, each handed over with its values as strings.
     *
     * @see #over
     * @return how many line breaks were read
     */
    static long parse(
            InputStream in, long firstLine, int width, int[] columns, FileReport.Builder report, Handler handler)
            throws IOException {
        CsvRows rows = over(in, firstLine, width, columns, report);
        String[] values = new String[columns.length];
        while (rows.next()) {
            for (int c = 0; c < values.length; c++) {
                values[c] = rows.value(c);
            }
            handler.row(rows.line(), values);
        }
        return rows.lineBreaks();
    }

    /**
     * Moves to the next row of the header's width; lines that are blank are skipped, lines that cannot be parsed are
     * rejected in the report on the way.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        while (!done) {
            int newline = scanned;
            while (newline < end && buffer[newline] != '\n') {
                newline++;
            }
            if (newline < end) {
                long number = line++;
                int from = start;
                start = newline + 1;
                scanned = start;
                if (skipping || newline - from > MAX_LINE_BYTES) {
                    tooLong(number);
                    skipping = false;
                } else if (line(buffer, from, newline, number)) {
                    return true;
                }
                continue;
            }
            scanned = end;
            if (!skipping && end - start > MAX_LINE_BYTES) {
                skipping = true;
            }
            if (skipping) {
                start = end; // drop what was read of the over-long line
                scanned = end;
            }
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                done = true;
                if (skipping) {
                    tooLong(line);
                } else if (end > start) {
                    int from = start;
                    start = end;
                    return line(buffer, from, end, line); // the last line, without a line break
                }
                return false;
            }
            end += n;
        }
        return false;
    }

    /** @return the current row's line number */
    long line() {
        return rowLine;
    }

    /** @return the bytes that hold the current row's values (UTF-8), valid until the next {@link #next()} */
    byte[] bytes() {
        return rowBytes;
    }

    /** @return where required column {@code c}'s value starts in {@link #bytes()} */
    int from(int c) {
        return valueFrom[c];
    }

    /** @return where required column {@code c}'s value ends (exclusive) in {@link #bytes()} */
    int to(int c) {
        return valueTo[c];
    }

    /** @return required column {@code c}'s value */
    String value(int c) {
        return new String(rowBytes, valueFrom[c], valueTo[c] - valueFrom[c], StandardCharsets.UTF_8);
    }

    /** @return how many line breaks were read: once {@link #next()} returned false, all of the input's */
    long lineBreaks() {
        return line - firstLine;
    }

    private void tooLong(long line) {
        report.read();
        report.reject(line, "line longer than " + MAX_LINE_BYTES + " bytes");
    }

    /** One line, bytes {@code [from, to)} without the LF. @return whether it is a row of the header's width */
    private boolean line(byte[] bytes, int from, int to, long line) {
        if (to > from && bytes[to - 1] == '\r') {
            to--;
        }
        // one pass: blank?, NUL?, quotes?, where the fields are
        boolean blank = true;
        boolean quoted = false;
        int fields = 0;
        int fieldFrom = from;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == ',') {
                if (fields < width) {
                    fieldStart[fields] = fieldFrom;
                    fieldEnd[fields] = i;
                }
                fields++;
                fieldFrom = i + 1;
                blank = false;
            } else if (b == '"') {
                quoted = true;
                blank = false;
            } else if (b == 0) {
                report.read();
                report.reject(line, "contains a NUL byte");
                return false;
            } else if (blank && b != ' ' && b != '\t') {
                blank = false;
            }
        }
        if (blank) {
            return false; // blank lines are skipped silently
        }
        report.read();
        if (fields < width) {
            fieldStart[fields] = fieldFrom;
            fieldEnd[fields] = to;
        }
        fields++;
        if (quoted) {
            return quotedLine(bytes, from, to, line);
        }
        if (fields != width) {
            report.reject(line, "has " + fields + " fields, the header has " + width);
            return false;
        }
        for (int c = 0; c < columns.length; c++) {
            valueFrom[c] = fieldStart[columns[c]];
            valueTo[c] = fieldEnd[columns[c]];
        }
        rowBytes = bytes;
        rowLine = line;
        return true;
    }

    /** The rare line with a quote: parsed field by field into strings, the values given as bytes again. */
    private boolean quotedLine(byte[] bytes, int from, int to, long line) {
        List<String> fields = new ArrayList<>(width);
        String problem = split(bytes, from, to, fields);
        if (problem != null) {
            report.reject(line, problem);
            return false;
        }
        if (fields.size() != width) {
            report.reject(line, "has " + fields.size() + " fields, the header has " + width);
            return false;
        }
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        for (int c = 0; c < columns.length; c++) {
            valueFrom[c] = values.size();
            values.writeBytes(fields.get(columns[c]).getBytes(StandardCharsets.UTF_8));
            valueTo[c] = values.size();
        }
        rowBytes = values.toByteArray();
        rowLine = line;
        return true;
    }

    /**
     * Splits one line into fields, with quotes as RFC 4180 (and commons-csv's default format) read them: a quote is special only as
     * a field's first character.
     *
     * @return what is wrong with the line, or null
     */
    private static String split(byte[] bytes, int from, int to, List<String> fields) {
        int i = from;
        while (true) {
            if (i < to && bytes[i] == '"') {
                ByteArrayOutputStream field = new ByteArrayOutputStream();
                int j = i + 1;
                while (true) {
                    if (j >= to) {
                        return "unterminated quote in field " + (fields.size() + 1);
                    }
                    if (bytes[j] == '"') {
                        if (j + 1 < to && bytes[j + 1] == '"') {
                            field.write('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    field.write(bytes[j]);
                    j++;
                }
                fields.add(field.toString(StandardCharsets.UTF_8));
                j++; // past the closing quote
                if (j == to) {
                    return null;
                }
                if (bytes[j] != ',') {
                    return "text after the closing quote of field " + fields.size();
                }
                i = j + 1;
            } else {
                int j = i;
                while (j < to && bytes[j] != ',') {
                    j++;
                }
                fields.add(new String(bytes, i, j - i, StandardCharsets.UTF_8));
                if (j >= to) {
                    return null;
                }
                i = j + 1;
            }
        }
    }
}
