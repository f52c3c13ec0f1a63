package dev.storemon.bench.engine;

import dev.storemon.time.EpochMicros;
import dev.storemon.uptime.BusinessHours;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.WeeklySchedule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic stores shaped like the real data: polls roughly hourly over a week and a bit (about 130 of them, some
 * hours missed, outages lasting a few hours), 1 to 3 business segments a day (some past midnight, some days closed,
 * some stores 24x7) and a mix of zones, most of them observing daylight saving time.
 */
final class SyntheticStores {

    /** One store's inputs, with its polls also as raw epoch micros, as a report worker reads them. */
    record Store(
            String id,
            ZoneId zone,
            WeeklySchedule schedule,
            PollSeries polls,
            long[] pollMicros,
            boolean[] pollActive) {}

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/New_York"),
            ZoneId.of("America/New_York"),
            ZoneId.of("America/Denver"),
            ZoneId.of("America/Los_Angeles"),
            ZoneId.of("America/Phoenix"),
            ZoneId.of("America/Boise"),
            ZoneId.of("America/Indiana/Indianapolis"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Europe/London"));
    private static final long HOUR_MICROS = 3_600_000_000L;

    private SyntheticStores() {}

    static List<Store> generate(int count, Instant now, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Store> stores = new ArrayList<>(count);
        long nowMicros = EpochMicros.of(now);
        for (int i = 0; i < count; i++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            stores.add(polls(
                    String.format("%019d", 1_000_000_000_000_000L + i), zone, schedule(random), nowMicros, random));
        }
        return stores;
    }

    private static Store polls(
            String id, ZoneId zone, WeeklySchedule schedule, long nowMicros, SplittableRandom random) {
        // 180 hourly slots back from now (a week and 12 hours), about 72 % polled: ~130 polls.
        long[] micros = new long[180];
        boolean[] active = new boolean[180];
        int n = 0;
        int outageLeft = 0;
        for (int slot = 179; slot >= 0; slot--) {
            if (outageLeft == 0 && random.nextInt(100) < 4) {
                outageLeft = 1 + random.nextInt(6);
            }
            boolean isActive = outageLeft == 0;
            outageLeft = Math.max(0, outageLeft - 1);
            if (random.nextInt(100) < 72) {
                micros[n] = nowMicros - slot * HOUR_MICROS - random.nextLong(HOUR_MICROS);
                active[n] = isActive;
                n++;
            }
        }
        PollSeries.Builder builder = PollSeries.builder();
        for (int i = 0; i < n; i++) {
            builder.addEpochMicros(micros[i], active[i]);
        }
        return new Store(id, zone, schedule, builder.build(), Arrays.copyOf(micros, n), Arrays.copyOf(active, n));
    }

    private static WeeklySchedule schedule(SplittableRandom random) {
        int kind = random.nextInt(100);
        if (kind < 8) {
            return WeeklySchedule.alwaysOpen();
        }
        int segments = kind < 40 ? 1 : kind < 85 ? 2 : 3;
        boolean lateNight = random.nextInt(100) < 25;
        List<BusinessHours> rows = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            if (random.nextInt(100) < 8) {
                continue;
            }
            int jitter = 15 * random.nextInt(4);
            switch (segments) {
                case 1 -> rows.add(row(day, 9 * 60 + jitter, lateNight ? 60 + jitter : 22 * 60 + jitter));
                case 2 -> {
                    rows.add(row(day, 11 * 60 + jitter, 14 * 60 + 30));
                    rows.add(row(day, 17 * 60, lateNight ? 90 : 22 * 60 + jitter));
                }
                default -> {
                    rows.add(row(day, 7 * 60 + jitter, 10 * 60 + 30));
                    rows.add(row(day, 11 * 60 + 30, 14 * 60 + 30 + jitter));
                    rows.add(row(day, 17 * 60 + 30, lateNight ? 2 * 60 : 23 * 60 + 59));
                }
            }
        }
        return WeeklySchedule.of(rows);
    }

    private static BusinessHours row(int day, int startMinute, int endMinute) {
        return new BusinessHours(
                day, LocalTime.of(startMinute / 60, startMinute % 60), LocalTime.of(endMinute / 60, endMinute % 60));
    }
}
