package dev.storemon.testing;

import dev.storemon.shard.StoreBuckets;
import dev.storemon.uptime.BusinessHours;
import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.PollSeries;
import dev.storemon.uptime.ReportCsv;
import dev.storemon.uptime.StoreZones;
import dev.storemon.uptime.UptimeEngine;
import dev.storemon.uptime.WeeklySchedule;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A small generated dataset, written straight into the schema (no ingest worker needed), and the CSV the engine gives
 * for it when run directly. It has what the report must get right: stores with and without hours, overnight rows,
 * missing and unknown zones, ids whose order differs between locales, polls after as-of, a store whose only poll is
 * older than the week, a store with no poll at all, and decoys the report must not read: a later schedule version, and
 * polls of a later data version (as if a load committed while the report ran).
 */
public final class Dataset {

    /** The data version the dataset loads; polls of {@code VERSION + 1} are decoys. */
    public static final long VERSION = 1;
    /** The schedule version of {@link #VERSION}; {@code SCHEDULE_VERSION + 1} is a decoy. */
    public static final long SCHEDULE_VERSION = 7;

    private static final long DECOY_SCHEDULE_VERSION = 8;
    private static final String[] ZONES = {
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "Asia/Kolkata",
        null,
        "Not/AZone"
    };

    /** One generated store. */
    public record Store(
            String id, String zone, List<BusinessHours> hours, List<Instant> pollTimes, List<Boolean> active) {}

    /** The generated stores, in generation order. */
    public final List<Store> stores = new ArrayList<>();
    /** The latest poll of {@link #VERSION}. */
    public final Instant latestPoll;

    /**
     * @param seed   makes the data reproducible
     * @param count  number of stores
     * @param around polls run from 9 days before to 1 day after this instant
     */
    public Dataset(long seed, int count, Instant around) {
        Random random = new Random(seed);
        Instant latest = Instant.EPOCH;
        for (int i = 0; i < count; i++) {
            String id =
                    switch (i % 4) {
                        case 0 ->
                            String.valueOf(1_000_000_000_000_000L
                                    + (random.nextLong() & Long.MAX_VALUE) % 1_000_000_000_000_000L);
                        case 1 -> "Store-" + i;
                        case 2 -> "store-" + i;
                        default -> "_" + Integer.toHexString(random.nextInt());
                    };
            List<BusinessHours> hours = new ArrayList<>();
            if (random.nextInt(4) != 0) {
                for (int day = 0; day < 7; day++) {
                    int rows = random.nextInt(3);
                    for (int r = 0; r < rows; r++) {
                        LocalTime start = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
                        LocalTime end = random.nextInt(5) == 0
                                ? LocalTime.of(23, 59, 59)
                                : start.plusMinutes(30 + random.nextInt(14 * 60)); // may wrap past midnight
                        hours.add(new BusinessHours(day, start, end));
                    }
                }
            }
            List<Instant> times = new ArrayList<>();
            List<Boolean> active = new ArrayList<>();
            Instant from = around.minus(9, ChronoUnit.DAYS);
            Instant to = around.plus(1, ChronoUnit.DAYS);
            if (i == 5) {
                to = around.minus(8, ChronoUnit.DAYS); // only polls older than the week
            }
            if (i != 6) { // store 6 has no poll at all
                boolean up = true;
                for (Instant t = from.plusSeconds(random.nextInt(3600));
                        t.isBefore(to);
                        t = t.plusSeconds(3000 + random.nextInt(1200)).plusNanos(random.nextInt(1_000_000) * 1000L)) {
                    if (random.nextInt(10) == 0) {
                        up = !up; // outages last a while
                    }
                    times.add(t);
                    active.add(up);
                    if (t.isAfter(latest)) {
                        latest = t;
                    }
                }
            }
            stores.add(new Store(id, ZONES[random.nextInt(ZONES.length)], hours, times, active));
        }
        this.latestPoll = latest;
    }

    /** Empties nothing: call it on an empty schema. Writes the stores, polls, schedules and data version 1. */
    public void load(JdbcClient jdbc) {
        long run = jdbc.sql("""
                        insert into ingest_runs (trigger, status, started_at, finished_at, data_version)
                        values ('startup', 'SUCCEEDED', now(), now(), ?) returning id
                        """).param(VERSION).query(Long.class).single();
        for (Store store : stores) {
            int key = jdbc.sql("insert into stores (store_id, bucket) values (?, ?) returning store_key")
                    .params(store.id(), StoreBuckets.of(store.id()))
                    .query(Integer.class)
                    .single();
            for (int p = 0; p < store.pollTimes().size(); p++) {
                jdbc.sql("insert into polls (store_key, ts, active, version) values (?, ?, ?, ?)")
                        .params(
                                key,
                                store.pollTimes().get(p).atOffset(ZoneOffset.UTC),
                                store.active().get(p),
                                VERSION)
                        .update();
            }
            if (key % 3 == 0) {
                // Decoy polls of the next data version, half-way between the real ones, with the opposite status.
                for (int p = 0; p < store.pollTimes().size(); p++) {
                    jdbc.sql("insert into polls (store_key, ts, active, version) values (?, ?, ?, ?)")
                            .params(
                                    key,
                                    store.pollTimes().get(p).plusSeconds(1500).atOffset(ZoneOffset.UTC),
                                    !store.active().get(p),
                                    VERSION + 1)
                            .update();
                }
            }
            for (BusinessHours h : store.hours()) {
                insertHours(jdbc, SCHEDULE_VERSION, key, h);
            }
            // The decoy: a later schedule that says open one minute on Mondays, in another zone.
            insertHours(jdbc, DECOY_SCHEDULE_VERSION, key, new BusinessHours(0, LocalTime.NOON, LocalTime.of(12, 1)));
            jdbc.sql("insert into store_zones (schedule_version, store_key, zone_id) values (?, ?, ?)")
                    .params(DECOY_SCHEDULE_VERSION, key, "Pacific/Auckland")
                    .update();
            if (store.zone() != null) {
                jdbc.sql("insert into store_zones (schedule_version, store_key, zone_id) values (?, ?, ?)")
                        .params(SCHEDULE_VERSION, key, store.zone())
                        .update();
            }
        }
        jdbc.sql("""
                        insert into data_versions (version, ingest_run_id, latest_poll_at, schedule_version)
                        values (?, ?, ?, ?)
                        """)
                .params(VERSION, run, latestPoll.atOffset(ZoneOffset.UTC), SCHEDULE_VERSION)
                .update();
    }

    private static void insertHours(JdbcClient jdbc, long version, int key, BusinessHours h) {
        jdbc.sql("""
                        insert into business_hours (schedule_version, store_key, day, start_local, end_local)
                        values (?, ?, ?, ?, ?)
                        """).params(version, key, h.dayOfWeek(), h.start(), h.end()).update();
    }

    /** The CSV of the engine run directly on this data, rows sorted by store id. */
    public String expectedCsv(Instant asOf, Interpolation interpolation) {
        UptimeEngine engine = new UptimeEngine(asOf, interpolation);
        StringBuilder csv = new StringBuilder(ReportCsv.HEADER).append('\n');
        stores.stream().sorted(Comparator.comparing(Store::id)).forEach(store -> {
            PollSeries.Builder polls = PollSeries.builder();
            for (int p = 0; p < store.pollTimes().size(); p++) {
                polls.add(store.pollTimes().get(p), store.active().get(p));
            }
            engine.compute(
                            store.id(),
                            StoreZones.resolve(store.zone()),
                            WeeklySchedule.of(store.hours()),
                            polls.build())
                    .ifPresent(row -> csv.append(ReportCsv.line(row)).append('\n'));
        });
        return csv.toString();
    }
}
