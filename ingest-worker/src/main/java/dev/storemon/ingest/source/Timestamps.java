package dev.storemon.ingest.source;

import dev.storemon.time.EpochMicros;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Poll timestamps as the sources write them: {@code 2023-01-22 12:09:39.388884 UTC} (a fraction of any length, or
 * none) or ISO-8601 with an offset ({@code 2023-01-22T12:09:39.388884Z}, {@code ...+05:30}).
 *
 * <p>Postgres keeps microseconds, so digits after the sixth are truncated (never rounded): a poll never moves into
 * the next second, and the stored value is a prefix of what the file says.
 */
public final class Timestamps {

    private static final int NANOS_PER_MICRO = 1_000;
    private static final int[] SCALE = {100_000, 10_000, 1_000, 100, 10, 1};

    /** Returned for a text that is not a valid {@code yyyy-MM-dd HH:mm:ss[.f...] UTC}. */
    static final long NOT_UTC_FORM = Long.MIN_VALUE;

    private Timestamps() {}

    /**
     * Parses a timestamp.
     *
     * @param text the text, surrounding blanks ignored
     * @return microseconds since the epoch
     * @throws IllegalArgumentException when it is not a timestamp of a supported form
     */
    public static long epochMicros(String text) {
        String s = text.strip();
        if (s.length() >= 23 && s.endsWith(" UTC") && s.charAt(10) == ' ') {
            // a character outside Latin-1 becomes '?', which no digit or separator check accepts
            long micros = utcForm(s.getBytes(StandardCharsets.ISO_8859_1), 0, s.length() - 4);
            if (micros == NOT_UTC_FORM) {
                throw new IllegalArgumentException("bad timestamp '" + s + "'");
            }
            return micros;
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return EpochMicros.of(t);
        } catch (DateTimeException | ArithmeticException e) { // the latter: beyond microseconds in a long
            throw new IllegalArgumentException("bad timestamp '" + text + "'");
        }
    }

    /**
     * The poll file's own form, {@code yyyy-MM-dd HH:mm:ss[.f...] UTC}, read from bytes without a {@code String}: the
     * file has millions of them.
     *
     * @param bytes the line
     * @param from  the timestamp's first byte (no blank before it)
     * @param to    after its last byte (no blank after it)
     * @return microseconds since the epoch, or {@link #NOT_UTC_FORM} when it is not a valid timestamp of that form
     *     (then {@link #epochMicros(String)} says why, or parses the ISO-8601 form)
     */
    static long epochMicrosUtcForm(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length < 23
                || bytes[from + 10] != ' '
                || bytes[to - 4] != ' '
                || bytes[to - 3] != 'U'
                || bytes[to - 2] != 'T'
                || bytes[to - 1] != 'C') {
            return NOT_UTC_FORM;
        }
        return utcForm(bytes, from, to - 4);
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.f...]} in {@code [from, end)}, or {@link #NOT_UTC_FORM}. */
    private static long utcForm(byte[] s, int from, int end) {
        if (s[from + 4] != '-' || s[from + 7] != '-' || s[from + 13] != ':' || s[from + 16] != ':') {
            return NOT_UTC_FORM;
        }
        int year = digits(s, from, from + 4);
        int month = digits(s, from + 5, from + 7);
        int dayOfMonth = digits(s, from + 8, from + 10);
        int hour = digits(s, from + 11, from + 13);
        int minute = digits(s, from + 14, from + 16);
        int second = digits(s, from + 17, from + 19);
        if (year < 0 || month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) {
            return NOT_UTC_FORM;
        }
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return NOT_UTC_FORM;
        }
        int micros = 0;
        if (end > from + 19) {
            if (s[from + 19] != '.' || end == from + 20) {
                return NOT_UTC_FORM;
            }
            for (int i = from + 20; i < end; i++) {
                int d = s[i] - '0';
                if (d < 0 || d > 9) {
                    return NOT_UTC_FORM;
                }
                if (i - from - 20 < SCALE.length) {
                    micros += d * SCALE[i - from - 20];
                }
            }
        }
        if (dayOfMonth > DAYS_IN_MONTH[month - 1] && !(month == 2 && dayOfMonth == 29 && leap(year))) {
            return NOT_UTC_FORM;
        }
        long day = epochDay(year, month, dayOfMonth);
        return EpochMicros.of(((day * 24 + hour) * 60 + minute) * 60 + second, micros * NANOS_PER_MICRO);
    }

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private static boolean leap(int year) {
        return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /**
     * Days since 1970-01-01 of a valid proleptic Gregorian date, as {@code LocalDate.toEpochDay()} (checked against it
     * for every day of four centuries), by arithmetic alone: no object per poll.
     */
    static long epochDay(int year, int month, int dayOfMonth) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + dayOfMonth - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** @return the decimal number of {@code [from, to)}, or -1 when a byte is not a digit */
    private static int digits(byte[] s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
