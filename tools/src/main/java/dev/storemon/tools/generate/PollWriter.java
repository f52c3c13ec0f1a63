package dev.storemon.tools.generate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * Roughly hourly polls with jitter and missed polls, written hour slot by hour slot (so that a later hour is a byte
 * suffix of the file, as when a poll log is appended to). Stores have outages that last hours.
 */
final class PollWriter {

    private static final long MICROS = 1_000_000L;

    private final Random random;
    private final GeneratorOptions options;

    PollWriter(Random random, GeneratorOptions options) {
        this.random = random;
        this.options = options;
    }

    long write(List<String> ids, Writer out) throws IOException {
        out.write("store_id,status,timestamp_utc\n");
        int n = ids.size();
        int[] phase = new int[n];
        int[] outageLeft = new int[n];
        int[] outageOdds = new int[n];
        for (int s = 0; s < n; s++) {
            phase[s] = random.nextInt(3600);
            outageOdds[s] = random.nextInt(100) < 20 ? 30 : 5; // per mille an hour; a fifth of stores are flaky
        }
        long startMicros = options.start().getEpochSecond() * MICROS;
        long endMicros = options.end().getEpochSecond() * MICROS;
        int slots = options.days() * 24;
        long rows = 0;
        StringBuilder line = new StringBuilder(64);
        for (int slot = 0; slot < slots; slot++) {
            for (int s = 0; s < n; s++) {
                boolean active = statusOf(s, outageLeft, outageOdds);
                if (random.nextInt(100) < 20) {
                    continue; // missed poll
                }
                long ts = startMicros
                        + (slot * 3600L + phase[s] + random.nextInt(600) - 300) * MICROS
                        + random.nextInt(1_000_000);
                if (ts < startMicros || ts >= endMicros) {
                    continue;
                }
                line.setLength(0);
                line.append(ids.get(s)).append(active ? ",active," : ",inactive,");
                appendTimestamp(line, ts);
                out.append(line);
                rows++;
            }
        }
        return rows;
    }

    private boolean statusOf(int s, int[] outageLeft, int[] outageOdds) {
        if (outageLeft[s] > 0) {
            outageLeft[s]--;
            return false;
        }
        if (random.nextInt(1000) < outageOdds[s]) {
            outageLeft[s] = random.nextInt(8); // this hour and up to 7 more
            return false;
        }
        return random.nextInt(100) >= 2; // an isolated inactive poll now and then
    }

    /** {@code 2023-01-22 12:09:39.388884 UTC}, as in the 2023 data. */
    static void appendTimestamp(StringBuilder line, long epochMicros) {
        long seconds = Math.floorDiv(epochMicros, MICROS);
        int micros = (int) Math.floorMod(epochMicros, MICROS);
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
        line.append(t.getYear()).append('-');
        pad(line, t.getMonthValue(), 2).append('-');
        pad(line, t.getDayOfMonth(), 2).append(' ');
        pad(line, t.getHour(), 2).append(':');
        pad(line, t.getMinute(), 2).append(':');
        pad(line, t.getSecond(), 2).append('.');
        pad(line, micros, 6).append(" UTC\n");
    }

    private static StringBuilder pad(StringBuilder line, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            line.append('0');
        }
        return line.append(digits);
    }
}
