package dev.storemon.ingest.source;

import dev.storemon.time.EpochMicros;
import java.time.DateTimeException;
import java.time.LocalDate;
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
            return utcForm(s, s.length() - 4);
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return EpochMicros.of(t);
        } catch (DateTimeException | ArithmeticException e) { // the latter: beyond microseconds in a long
            throw new IllegalArgumentException("bad timestamp '" + text + "'");
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.f...]}, hand-parsed: the poll file has millions of them. */
    private static long utcForm(String s, int end) {
        try {
            if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
                throw new IllegalArgumentException();
            }
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            if (hour > 23 || minute > 59 || second > 59) {
                throw new IllegalArgumentException();
            }
            int micros = 0;
            if (end > 19) {
                if (s.charAt(19) != '.' || end == 20) {
                    throw new IllegalArgumentException();
                }
                for (int i = 20; i < end; i++) {
                    int d = s.charAt(i) - '0';
                    if (d < 0 || d > 9) {
                        throw new IllegalArgumentException();
                    }
                    if (i - 20 < SCALE.length) {
                        micros += d * SCALE[i - 20];
                    }
                }
            }
            long day = LocalDate.of(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10))
                    .toEpochDay();
            return EpochMicros.of(((day * 24 + hour) * 60 + minute) * 60 + second, micros * NANOS_PER_MICRO);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("bad timestamp '" + s + "'");
        }
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException();
            }
            value = value * 10 + d;
        }
        return value;
    }
}
