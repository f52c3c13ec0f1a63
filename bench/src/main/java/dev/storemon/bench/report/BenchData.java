package dev.storemon.bench.report;

import dev.storemon.shard.StoreBuckets;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Random;
import javax.sql.DataSource;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * A generated dataset of the real data's shape, loaded straight into the schema with COPY: {@code stores} stores with
 * about {@code pollsPerStore} polls each over the week before as-of (plus a few older ones), business hours for 80% of
 * the stores (some overnight), zones across the US for 90%. Deterministic by seed.
 */
final class BenchData {

    private static final String[] ZONES = {
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Phoenix"
    };

    private BenchData() {}

    /** Loads data version 1; returns the number of polls. */
    static long load(DataSource dataSource, int stores, int pollsPerStore, Instant asOf, long seed)
            throws SQLException, IOException {
        Random random = new Random(seed);
        long polls = 0;
        try (Connection connection = dataSource.getConnection()) {
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            try (var st = connection.createStatement()) {
                st.execute("insert into ingest_runs (trigger, status, started_at, finished_at, data_version) "
                        + "values ('startup', 'SUCCEEDED', now(), now(), 1)");
            }
            StringBuilder storeRows = new StringBuilder();
            StringBuilder hourRows = new StringBuilder();
            StringBuilder zoneRows = new StringBuilder();
            for (int key = 1; key <= stores; key++) {
                String id = String.valueOf(
                        1_000_000_000_000_000_000L + (random.nextLong() & Long.MAX_VALUE) % 8_000_000_000_000_000_000L);
                storeRows
                        .append(key)
                        .append('\t')
                        .append(id)
                        .append('\t')
                        .append(StoreBuckets.of(id))
                        .append('\n');
                if (random.nextInt(10) < 8) {
                    for (int day = 0; day < 7; day++) {
                        int segments = 1 + random.nextInt(2);
                        for (int s = 0; s < segments; s++) {
                            LocalTime start = LocalTime.of(random.nextInt(24), random.nextInt(4) * 15);
                            LocalTime end = start.plusMinutes(60 + random.nextInt(12 * 60));
                            hourRows.append("1\t")
                                    .append(key)
                                    .append('\t')
                                    .append(day)
                                    .append('\t')
                                    .append(start)
                                    .append('\t')
                                    .append(end)
                                    .append('\n');
                        }
                    }
                }
                if (random.nextInt(10) != 0) {
                    zoneRows.append("1\t")
                            .append(key)
                            .append('\t')
                            .append(ZONES[random.nextInt(ZONES.length)])
                            .append('\n');
                }
            }
            copy.copyIn("copy stores (store_key, store_id, bucket) from stdin", new StringReader(storeRows.toString()));
            copy.copyIn(
                    "copy business_hours (schedule_version, store_key, day, start_local, end_local) from stdin",
                    new StringReader(hourRows.toString()));
            copy.copyIn(
                    "copy store_zones (schedule_version, store_key, zone_id) from stdin",
                    new StringReader(zoneRows.toString()));
            try (var st = connection.createStatement()) {
                st.execute("select setval('stores_store_key_seq', " + stores + ")");
            }
            long weekMicros = 7L * 86_400_000_000L;
            long end = asOf.getEpochSecond() * 1_000_000L;
            long step = weekMicros / pollsPerStore;
            var out = copy.copyIn("copy polls (store_key, ts, active, version) from stdin");
            StringBuilder batch = new StringBuilder(1 << 20);
            for (int key = 1; key <= stores; key++) {
                boolean up = random.nextInt(10) != 0;
                // Two polls before the week, then the week.
                for (long t = end - weekMicros - 2 * step + random.nextInt((int) Math.min(step, Integer.MAX_VALUE));
                        t < end;
                        t += step - step / 10 + random.nextInt((int) (step / 5))) {
                    if (random.nextInt(12) == 0) {
                        up = !up;
                    }
                    batch.append(key)
                            .append('\t')
                            .append(Instant.ofEpochSecond(t / 1_000_000, (t % 1_000_000) * 1000))
                            .append('\t')
                            .append(up ? 't' : 'f')
                            .append("\t1\n");
                    polls++;
                }
                if (batch.length() > (1 << 20) - 4096) {
                    byte[] bytes = batch.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    out.writeToCopy(bytes, 0, bytes.length);
                    batch.setLength(0);
                }
            }
            byte[] bytes = batch.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeToCopy(bytes, 0, bytes.length);
            out.endCopy();
            try (var st = connection.createStatement()) {
                st.execute("insert into data_versions (version, ingest_run_id, latest_poll_at, schedule_version) "
                        + "select 1, 1, max(ts), 1 from polls");
                st.execute("analyze");
            }
        }
        return polls;
    }
}
