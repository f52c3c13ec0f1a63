package dev.storemon.uptime;

/** The report's CSV format, shared by the workers that store rows and anything that checks a report. */
public final class ReportCsv {

    /** The header line, without a line break. */
    public static final String HEADER = "store_id,uptime_last_hour,uptime_last_day,uptime_last_week,"
            + "downtime_last_hour,downtime_last_day,downtime_last_week";

    private ReportCsv() {
    }

    /**
     * One store's line, without a line break. Store ids are written as they are: the ingest rejects ids that would
     * need quoting (a comma, a quote or a line break).
     *
     * @param row the store's figures
     * @return the CSV line
     */
    public static String line(StoreUptime row) {
        return row.storeId() + ',' + row.uptimeLastHour().toPlainString() + ',' + row.uptimeLastDay().toPlainString()
                + ',' + row.uptimeLastWeek().toPlainString() + ',' + row.downtimeLastHour().toPlainString() + ','
                + row.downtimeLastDay().toPlainString() + ',' + row.downtimeLastWeek().toPlainString();
    }
}
