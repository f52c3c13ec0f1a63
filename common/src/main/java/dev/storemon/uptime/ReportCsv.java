package dev.storemon.uptime;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The report's CSV format, shared by the workers that store a shard's lines ({@link #fragment}), the gateway that
 * merges them into the report ({@link #merge}) and anything that checks a report. Lines are in store id order:
 * {@link String#compareTo}, which is byte order for the ids the ingest accepts (ASCII letters, digits, {@code -_.:}).
 */
public final class ReportCsv {

    /** The header line, without a line break. */
    public static final String HEADER = "store_id,uptime_last_hour,uptime_last_day,uptime_last_week,"
            + "downtime_last_hour,downtime_last_day,downtime_last_week";

    private ReportCsv() {}

    /**
     * One store's line, without a line break. Store ids are written as they are: the ingest rejects ids that would
     * need quoting (a comma, a quote or a line break).
     *
     * @param row the store's figures
     * @return the CSV line
     */
    public static String line(StoreUptime row) {
        StringBuilder line = new StringBuilder();
        appendLine(line, row);
        return line.toString();
    }

    private static void appendLine(StringBuilder csv, StoreUptime row) {
        csv.append(row.storeId());
        for (BigDecimal figure : List.of(
                row.uptimeLastHour(),
                row.uptimeLastDay(),
                row.uptimeLastWeek(),
                row.downtimeLastHour(),
                row.downtimeLastDay(),
                row.downtimeLastWeek())) {
            csv.append(',').append(figure.toPlainString());
        }
    }

    /**
     * A shard's lines, sorted by store id, each ending with a line break: what a worker stores for the gateway to
     * {@link #merge}.
     *
     * @param rows the shard's stores, in any order
     * @return the fragment ("" for no stores)
     */
    public static String fragment(List<StoreUptime> rows) {
        List<StoreUptime> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(StoreUptime::storeId));
        StringBuilder csv = new StringBuilder(sorted.size() * 48);
        for (StoreUptime row : sorted) {
            appendLine(csv, row);
            csv.append('\n');
        }
        return csv.toString();
    }

    /**
     * The report: the header and the fragments' lines merged in store id order, without sorting them again (each
     * fragment is already sorted; a store is in exactly one shard).
     *
     * @param fragments the shards' {@link #fragment}s, in any order
     * @return the CSV text, every line ending with a line break
     */
    public static String merge(List<String> fragments) {
        int length = HEADER.length() + 1;
        PriorityQueue<FragmentCursor> next = new PriorityQueue<>(Math.max(1, fragments.size()));
        for (String fragment : fragments) {
            length += fragment.length();
            if (!fragment.isEmpty()) {
                next.add(new FragmentCursor(fragment));
            }
        }
        StringBuilder csv = new StringBuilder(length).append(HEADER).append('\n');
        while (!next.isEmpty()) {
            FragmentCursor cursor = next.poll();
            cursor.appendLineTo(csv);
            if (cursor.advance()) {
                next.add(cursor);
            }
        }
        return csv.toString();
    }

    /** The current line of one fragment, ordered by its store id. */
    private static final class FragmentCursor implements Comparable<FragmentCursor> {

        private final String text;
        private int start;
        private int end;
        private String storeId;

        FragmentCursor(String text) {
            this.text = text;
            read(0);
        }

        private void read(int from) {
            start = from;
            int lineBreak = text.indexOf('\n', from);
            end = lineBreak < 0 ? text.length() : lineBreak + 1;
            int comma = text.indexOf(',', from);
            storeId = text.substring(from, comma < 0 || comma > end ? end : comma);
        }

        void appendLineTo(StringBuilder csv) {
            csv.append(text, start, end);
            if (text.charAt(end - 1) != '\n') {
                csv.append('\n');
            }
        }

        boolean advance() {
            if (end >= text.length()) {
                return false;
            }
            read(end);
            return true;
        }

        @Override
        public int compareTo(FragmentCursor other) {
            return storeId.compareTo(other.storeId);
        }
    }
}
