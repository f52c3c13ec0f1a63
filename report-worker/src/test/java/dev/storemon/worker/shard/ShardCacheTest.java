package dev.storemon.worker.shard;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.storemon.messages.ReportShardRequested;
import dev.storemon.shard.StoreBuckets;
import dev.storemon.testing.TestInfrastructure;
import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.ReportCsv;
import dev.storemon.uptime.StoreUptime;
import dev.storemon.worker.WorkerProperties;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * A report computed from the warm shard cache equals, byte for byte, the same report read from the database: on the
 * first load, for other as_of values on the same version, after an incremental load (new polls, a poll inserted in the
 * past, a new store) and after a schedule change, in both interpolation modes. Runs in its own database.
 */
class ShardCacheTest {

    private static final int SHARDS = 4;
    private static final Instant BASE = Instant.parse("2023-01-25T18:13:27.123456Z");
    private static final String[] ZONES = {
        "America/New_York", "America/Chicago", "America/Denver", "Asia/Kolkata", "Europe/London", null, "Not/AZone"
    };

    private static JdbcClient jdbc;
    private static JdbcTemplate jdbcTemplate;
    private static final List<Object[]> pendingPolls = new ArrayList<>();
    private static ShardComputer computer;
    private static ShardCache cache;
    private static final Random random = new Random(13);
    private static final List<Integer> storeKeys = new ArrayList<>();

    @BeforeAll
    static void database() throws SQLException {
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        String url = TestInfrastructure.newDatabase("shard_cache_");
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(infra.username());
        dataSource.setPassword(infra.password());
        dataSource.setMaximumPoolSize(4);
        dataSource.addDataSourceProperty("prepareThreshold", "-1"); // as report-worker.yml
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        jdbcTemplate = new JdbcTemplate(dataSource);
        var transactions = new DataSourceTransactionManager(dataSource);
        var properties = new WorkerProperties(
                "cache-test", "group", 1, 0, Duration.ofSeconds(1), 100, DataSize.ofMegabytes(64), 0);
        ShardReader reader = new ShardReader(jdbc, jdbcTemplate, properties);
        cache = new ShardCache(reader, transactions, properties);
        computer = new ShardComputer(reader, new ShardWriter(jdbc), cache, jdbc, transactions, properties);
    }

    @Test
    void cachedReportsEqualDatabaseReportsAcrossVersionsAndScheduleChanges() {
        // Version 1: 10 days of polls up to BASE, schedule version 1.
        for (int i = 0; i < 80; i++) {
            storeKeys.add(addStore(i));
        }
        for (int key : storeKeys) {
            addPolls(key, BASE.minus(10, ChronoUnit.DAYS), BASE, 1);
            addSchedule(key, 1);
        }
        addVersion(1, 1, BASE);

        assertSame(1, BASE);
        assertThat(cache.count(ShardCache.Source.LOADED)).isEqualTo(SHARDS);
        assertSame(1, BASE.minus(5, ChronoUnit.HOURS).plusNanos(777_000));
        assertSame(1, BASE.minus(20, ChronoUnit.HOURS));
        assertThat(cache.count(ShardCache.Source.HIT)).isGreaterThanOrEqualTo(5L * SHARDS);

        // Version 2: two new hours of polls, one poll slipped in the past (a rewritten file), a poll older than the
        // cached range (a newer anchor for a store), a new store; the schedule is reused.
        Instant v2End = BASE.plus(2, ChronoUnit.HOURS);
        for (int key : storeKeys) {
            addPolls(key, BASE.plusSeconds(1), v2End, 2);
        }
        insertPoll(storeKeys.get(3), BASE.minus(3, ChronoUnit.DAYS).plusSeconds(1), false, 2);
        insertPoll(storeKeys.get(7), BASE.minus(20, ChronoUnit.HOURS).plusMillis(1), false, 2);
        insertPoll(storeKeys.get(9), BASE.minus(9, ChronoUnit.DAYS).plusSeconds(17), false, 2);
        insertPoll(storeKeys.get(11), BASE.minus(8, ChronoUnit.DAYS).minusNanos(1000), false, 2);
        int newStore = addStore(1000);
        addPolls(newStore, BASE.minus(1, ChronoUnit.DAYS), v2End, 2);
        addVersion(2, 1, v2End);

        long extendedBefore = cache.count(ShardCache.Source.EXTENDED);
        assertSame(2, v2End);
        assertThat(cache.count(ShardCache.Source.EXTENDED)).isEqualTo(extendedBefore + SHARDS);
        assertSame(2, BASE.minus(19, ChronoUnit.HOURS));
        assertSame(2, BASE.minus(1, ChronoUnit.DAYS)); // its week starts where the cached polls start
        // An older version is read from the database, and still right.
        assertSame(1, BASE.minus(1, ChronoUnit.HOURS));

        // Version 3: the hours file changed (a new schedule version), one more hour of polls.
        Instant v3End = v2End.plus(1, ChronoUnit.HOURS);
        for (int key : storeKeys) {
            addPolls(key, v2End.plusSeconds(1), v3End, 3);
            addSchedule(key, 3);
        }
        addSchedule(newStore, 3);
        addVersion(3, 3, v3End);
        assertSame(3, v3End);
        assertSame(3, v3End.minus(30, ChronoUnit.MINUTES));

        // An as_of whose week starts before the cached range: read again from the database, then cached.
        long loadedBefore = cache.count(ShardCache.Source.LOADED);
        assertSame(3, BASE.minus(2, ChronoUnit.DAYS));
        assertThat(cache.count(ShardCache.Source.LOADED)).isEqualTo(loadedBefore + SHARDS);
        assertSame(3, BASE.minus(1, ChronoUnit.DAYS));
    }

    /** Both interpolations, every shard: the CSV lines from the cache equal those from the database. */
    private void assertSame(long dataVersion, Instant asOf) {
        for (Interpolation interpolation : Interpolation.values()) {
            String fromCache = csv(dataVersion, asOf, interpolation, true);
            String fromDatabase = csv(dataVersion, asOf, interpolation, false);
            assertThat(fromDatabase).contains("\n");
            assertThat(fromCache)
                    .as("version %d, as_of %s, %s", dataVersion, asOf, interpolation)
                    .isEqualTo(fromDatabase);
        }
    }

    private String csv(long dataVersion, Instant asOf, Interpolation interpolation, boolean cached) {
        List<String> lines = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            var task = new ReportShardRequested(
                    UUID.randomUUID().toString(),
                    shard,
                    SHARDS,
                    asOf,
                    dataVersion,
                    interpolation.name().toLowerCase());
            StoreBuckets.Range range = StoreBuckets.range(shard, SHARDS);
            List<StoreUptime> rows = cached
                    ? computer.compute(task, interpolation, range, new ShardCache.Source[1])
                    : computer.computeFromDatabase(task, interpolation, range);
            rows.forEach(row -> lines.add(ReportCsv.line(row)));
        }
        // The report sorts its rows by store id; the order within a shard is not part of the result.
        lines.sort(null);
        return ReportCsv.HEADER + "\n" + String.join("\n", lines) + "\n";
    }

    private static int addStore(int i) {
        String id =
                switch (i % 3) {
                    case 0 -> String.valueOf(1_000_000_000_000L + random.nextInt(1_000_000));
                    case 1 -> "Store-" + i;
                    default -> "store-" + i;
                };
        return jdbc.sql("insert into stores (store_id, bucket) values (?, ?) returning store_key")
                .params(id, StoreBuckets.of(id))
                .query(Integer.class)
                .single();
    }

    private static void addPolls(int key, Instant from, Instant to, long version) {
        boolean up = random.nextBoolean();
        for (Instant t = from.plusSeconds(random.nextInt(600));
                !t.isAfter(to);
                t = t.plusSeconds(2400 + random.nextInt(2400)).plusNanos(random.nextInt(1_000_000) * 1000L)) {
            if (random.nextInt(8) == 0) {
                up = !up;
            }
            insertPoll(key, t, up, version);
        }
    }

    private static void insertPoll(int key, Instant at, boolean active, long version) {
        pendingPolls.add(new Object[] {key, at.atOffset(ZoneOffset.UTC), active, version});
    }

    private static void addSchedule(int key, long scheduleVersion) {
        if (random.nextInt(5) != 0) {
            for (int day = 0; day < 7; day++) {
                for (int r = random.nextInt(3); r > 0; r--) {
                    LocalTime start = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
                    LocalTime end = start.plusMinutes(30 + random.nextInt(14 * 60)); // may wrap past midnight
                    jdbc.sql("""
                                    insert into business_hours (schedule_version, store_key, day, start_local,
                                                                end_local)
                                    values (?, ?, ?, ?, ?)
                                    """).params(scheduleVersion, key, day, start, end).update();
                }
            }
        }
        String zone = ZONES[random.nextInt(ZONES.length)];
        if (zone != null) {
            jdbc.sql("insert into store_zones (schedule_version, store_key, zone_id) values (?, ?, ?)")
                    .params(scheduleVersion, key, zone)
                    .update();
        }
    }

    private static void addVersion(long version, long scheduleVersion, Instant latestPoll) {
        jdbcTemplate.batchUpdate(
                "insert into polls (store_key, ts, active, version) values (?, ?, ?, ?) on conflict do nothing",
                pendingPolls);
        pendingPolls.clear();
        long run = jdbc.sql("""
                        insert into ingest_runs (trigger, status, started_at, finished_at, data_version)
                        values ('startup', 'SUCCEEDED', now(), now(), ?) returning id
                        """).param(version).query(Long.class).single();
        jdbc.sql("""
                        insert into data_versions (version, ingest_run_id, latest_poll_at, schedule_version)
                        values (?, ?, ?, ?)
                        """)
                .params(version, run, latestPoll.atOffset(ZoneOffset.UTC), scheduleVersion)
                .update();
    }
}
