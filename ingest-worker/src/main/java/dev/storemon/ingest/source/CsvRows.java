package dev.storemon.ingest.source;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the data rows of a CSV source with commons-csv, finding the required columns by header name (case and
 * surrounding blanks ignored) and numbering each row by the line it starts on (the header is line 1).
 */
final class CsvRows {

    /** One data row: the required columns' values in the order asked for. */
    interface Handler {
        void row(long line, String[] values);
    }

    // Empty lines come through as records so that the line count stays exact; they are then skipped.
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private CsvRows() {
    }

    /**
     * The column names of a header line.
     *
     * @param headerLine the first line of the file
     * @return the names, trimmed, lower case
     */
    static List<String> header(String headerLine) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(headerLine), FORMAT)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (String name : records.get(0)) {
                names.add(name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT));
            }
            return names;
        }
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
     * Parses data rows (no header line in {@code reader}).
     *
     * @param reader    the text after the header (or after the already loaded prefix)
     * @param firstLine the file line number of the reader's first line
     * @param width     how many columns the header has
     * @param columns   the indexes of the required columns
     * @param report    counts rows read and rejects rows of the wrong width
     * @param handler   receives each row of the right width
     * @return how many line breaks were read
     */
    static long parse(Reader reader, long firstLine, int width, int[] columns, FileReport report, Handler handler) {
        try (CSVParser parser = CSVParser.parse(reader, FORMAT)) {
            long linesBefore = 0;
            String[] values = new String[columns.length];
            for (CSVRecord record : parser) {
                long line = firstLine + linesBefore;
                linesBefore = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                report.read();
                if (record.size() != width) {
                    report.reject(line, "has " + record.size() + " fields, the header has " + width);
                    continue;
                }
                for (int c = 0; c < columns.length; c++) {
                    values[c] = record.get(columns[c]);
                }
                handler.row(line, values);
            }
            return parser.getCurrentLineNumber();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new BadSourceException(report.name() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A store id fit to be stored and written unquoted in the report CSV.
     *
     * @return the reason it is not, or null
     */
    static String storeIdProblem(String storeId) {
        if (storeId.isEmpty()) {
            return "empty store_id";
        }
        for (int i = 0; i < storeId.length(); i++) {
            char c = storeId.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return "store_id contains a comma, quote or line break";
            }
        }
        return null;
    }
}
