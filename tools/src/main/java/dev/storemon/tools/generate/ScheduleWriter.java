package dev.storemon.tools.generate;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Weekly business hours in local time: regular days, split lunch/dinner days, overnight rows, all-day rows written
 * {@code 00:00:00-23:59:00} or {@code 23:59:59}, closed days, and stores without any row (open all week).
 */
final class ScheduleWriter {

    private final Random random;

    ScheduleWriter(Random random) {
        this.random = random;
    }

    long write(List<String> ids, Writer out) throws IOException {
        out.write("store_id,day,start_time_local,end_time_local\n");
        long rows = 0;
        for (int i = 0; i < ids.size(); i++) {
            List<String> lines = new ArrayList<>();
            for (String[] row : rowsOf(i)) {
                lines.add(ids.get(i) + "," + row[0] + "," + row[1] + "," + row[2] + "\n");
            }
            // The 2023 file lists a store's rows in no particular order.
            Collections.shuffle(lines, random);
            for (String line : lines) {
                out.write(line);
            }
            rows += lines.size();
        }
        return rows;
    }

    private List<String[]> rowsOf(int store) {
        int kind =
                switch (store) {
                    case 0 -> 90; // regular
                    case 1 -> 55; // split
                    case 2 -> 45; // overnight
                    case 3 -> 15; // all day
                    case 5 -> 5; // no rows
                    default -> random.nextInt(100);
                };
        List<String[]> rows = new ArrayList<>();
        if (kind < 10) {
            return rows;
        }
        String allDayEnd = random.nextBoolean() ? "23:59:00" : "23:59:59";
        int open = 6 + random.nextInt(6);
        int close = 17 + random.nextInt(7);
        int overnightStart = 17 + random.nextInt(4);
        int overnightEnd = 1 + random.nextInt(4);
        for (int day = 0; day < 7; day++) {
            if (kind >= 20 && random.nextInt(100) < 8) {
                continue; // closed that day
            }
            if (kind < 20) {
                rows.add(row(day, "00:00:00", allDayEnd));
            } else if (kind < 35) {
                rows.add(row(day, time(overnightStart, 0), time(overnightEnd, 30)));
            } else if (kind < 60) {
                rows.add(row(day, time(10 + random.nextInt(2), 30), time(14, 30)));
                rows.add(row(day, time(17, 0), time(close, 0)));
            } else {
                int weekendShift = day >= 5 ? 1 : 0;
                rows.add(row(day, time(open + weekendShift, random.nextBoolean() ? 0 : 30), time(close, 0)));
            }
        }
        return rows;
    }

    private static String[] row(int day, String start, String end) {
        return new String[] {Integer.toString(day), start, end};
    }

    private static String time(int hour, int minute) {
        return String.format("%02d:%02d:00", hour % 24, minute);
    }
}
