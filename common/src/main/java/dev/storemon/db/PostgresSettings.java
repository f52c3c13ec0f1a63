package dev.storemon.db;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Postgres server settings storemon recommends (README, "Postgres settings"). */
public final class PostgresSettings {

    /**
     * For a service that bulk-loads ~2M rows an hour: the poll table and its index stay in shared buffers, and a full
     * load's ~300 MB of WAL neither overflows the WAL buffers nor forces a checkpoint mid-load. The embedded Postgres of
     * standalone and of the tests starts with these, and docker-compose.yml passes the same ones
     * ({@code PostgresSettingsTest} checks it), so tests and benchmarks run on what production is told to run.
     */
    public static final Map<String, String> RECOMMENDED = recommended();

    /**
     * Added for the all-in-one's embedded Postgres only: one node that nothing replicates or archives, so it needs no
     * WAL beyond crash recovery. With {@code minimal}, a first load's COPY into the poll table (emptied in its
     * transaction) and its index builds write no WAL (docs/decisions.md, issue 13). A deployed Postgres keeps its
     * default ({@code replica}) for replicas and backups.
     */
    public static final Map<String, String> SINGLE_NODE = Map.of("wal_level", "minimal", "max_wal_senders", "0");

    private PostgresSettings() {}

    private static Map<String, String> recommended() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("shared_buffers", "512MB");
        settings.put("wal_buffers", "64MB");
        settings.put("max_wal_size", "4GB");
        settings.put("checkpoint_timeout", "15min");
        return Collections.unmodifiableMap(settings);
    }
}
