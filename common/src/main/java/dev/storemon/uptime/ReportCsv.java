package dev.storemon.uptime;

import java.math.BigDecimal;

/** The report's CSV format, shared by the workers that store rows and anything that checks a report. */
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
        appendLine(
                line,
                row.storeId(),
                row.uptimeLastHour(),
                row.uptimeLastDay(),
                row.uptimeLastWeek(),
                row.downtimeLastHour(),
                row.downtimeLastDay(),
                row.downtimeLastWeek());
        return line.toString();
    }

    /**
     * Appends one store's line, without a line break, from figures already rounded (as the report's rows store them).
     *
     * @param csv     where the line goes
     * @param storeId the store
     * @param figures the six figures in {@link #HEADER}'s order
     */
    public static void appendLine(StringBuilder csv, String storeId, BigDecimal... figures) {
        if (figures.length != 6) {
            throw new IllegalArgumentException("a report line has 6 figures, not " + figures.length);
        }
        csv.append(storeId);
        for (BigDecimal figure : figures) {
            csv.append(',').append(figure.toPlainString());
        }
    }
}
