package dev.storemon.ingest.source;

import dev.storemon.uptime.StoreZones;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/** Reads the business-hours and time-zone files, which are replaced as a whole by each load that changes them. */
public final class ScheduleFileReader {

    /** Receives each valid business-hours row. */
    public interface HoursSink {
        void hours(String storeId, int day, LocalTime start, LocalTime end);
    }

    /** Receives each store's zone (unknown zones already replaced by the default). */
    public interface ZoneSink {
        void zone(String storeId, ZoneId zone);
    }

    private static final List<List<String>> HOURS_COLUMNS = List.of(
            List.of("store_id"),
            List.of("day", "dayofweek", "day_of_week"),
            List.of("start_time_local"),
            List.of("end_time_local"));
    private static final List<List<String>> ZONE_COLUMNS =
            List.of(List.of("store_id"), List.of("timezone_str", "timezone"));

    private ScheduleFileReader() {}

    /**
     * The SHA-256 of a file's bytes: equal fingerprints mean the schedule did not change.
     *
     * @param file the file
     * @return hex digest
     */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new BadSourceException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads the valid business-hours rows.
     *
     * @throws BadSourceException when the file cannot be read or lacks a column
     */
    public static FileReport.Builder readHours(Path file, int limit, HoursSink sink) {
        return read(file, FileReport.Kind.HOURS, HOURS_COLUMNS, limit, (report, line, v) -> {
            String storeId = StoreIds.trim(v[0]);
            String problem = StoreIds.problem(storeId);
            int day = day(v[1]);
            LocalTime start = time(v[2]);
            LocalTime end = time(v[3]);
            if (problem == null && day < 0) {
                problem = v[1].isBlank() ? "missing day" : "day '" + v[1] + "' is not 0 (Monday) to 6 (Sunday)";
            }
            if (problem == null && start == null) {
                problem = v[2].isBlank() ? "missing start_time_local" : "bad start_time_local '" + v[2] + "'";
            }
            if (problem == null && end == null) {
                problem = v[3].isBlank() ? "missing end_time_local" : "bad end_time_local '" + v[3] + "'";
            }
            if (problem != null) {
                report.reject(line, problem);
            } else {
                sink.hours(storeId, day, start, end);
            }
        });
    }

    /**
     * Reads the stores' zones; an unknown zone id becomes {@link StoreZones#DEFAULT} with a warning, a second row for
     * the same store is rejected.
     *
     * @throws BadSourceException when the file cannot be read or lacks a column
     */
    public static FileReport.Builder readZones(Path file, int limit, ZoneSink sink) {
        Map<String, Long> seen = new HashMap<>();
        return read(file, FileReport.Kind.ZONES, ZONE_COLUMNS, limit, (report, line, v) -> {
            String storeId = StoreIds.trim(v[0]);
            String problem = StoreIds.problem(storeId);
            if (problem == null && v[1].isBlank()) {
                problem = "missing timezone_str";
            }
            Long first = problem == null ? seen.putIfAbsent(storeId, line) : null;
            if (first != null) {
                problem = "store already has a zone on line " + first;
            }
            if (problem != null) {
                report.reject(line, problem);
                return;
            }
            ZoneId zone = StoreZones.parse(v[1]).orElse(null);
            if (zone == null) {
                report.warn(line, "unknown time zone '" + v[1].strip() + "', using " + StoreZones.DEFAULT);
                zone = StoreZones.DEFAULT;
            }
            sink.zone(storeId, zone);
        });
    }

    /** Checks one data row; rejects or hands it on. */
    interface RowCheck {
        void check(FileReport.Builder report, long line, String[] values);
    }

    /** Reads a CSV file of {@code wanted} columns (the owners file too), row by row. */
    static FileReport.Builder read(
            Path file, FileReport.Kind kind, List<List<String>> wanted, int limit, RowCheck check) {
        try (SourceFile source = new SourceFile(file)) {
            FileReport.Builder report = new FileReport.Builder(kind, source.name(), limit);
            int[] columns = CsvRows.columns(source.name(), source.header(), wanted);
            try (InputStream bytes = source.bytes(source.headerEnd(), new CRC32C())) {
                CsvRows.parse(
                        bytes,
                        2,
                        source.header().size(),
                        columns,
                        report,
                        (line, values) -> check.check(report, line, values));
            }
            report.source(new FileReport.Source(source.size(), null, null, null, null, null));
            return report;
        } catch (IOException e) {
            throw new BadSourceException(file.getFileName() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static int day(String text) {
        try {
            int day = Integer.parseInt(text.strip());
            return day >= 0 && day <= 6 ? day : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static LocalTime time(String text) {
        String t = text.strip();
        if (t.startsWith("24:00") && t.replaceAll("[0:.]", "").equals("24")) {
            return LocalTime.of(23, 59, 59); // 24:00 is the end of the day, as 23:59:59 means
        }
        if (t.length() == 8 && t.charAt(2) == ':' && t.charAt(5) == ':') { // HH:MM:SS, as the files write it
            int hour = twoDigits(t, 0);
            int minute = twoDigits(t, 3);
            int second = twoDigits(t, 6);
            if (hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59) {
                return LocalTime.of(hour, minute, second);
            }
        }
        try {
            return LocalTime.parse(t); // the other ISO forms (HH:MM, fractions) and the error
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** @return the number of the two digits at {@code from}, or -1 */
    private static int twoDigits(String text, int from) {
        char tens = text.charAt(from);
        char ones = text.charAt(from + 1);
        return tens >= '0' && tens <= '9' && ones >= '0' && ones <= '9' ? (tens - '0') * 10 + (ones - '0') : -1;
    }
}
