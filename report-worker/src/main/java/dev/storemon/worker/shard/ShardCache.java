package dev.storemon.worker.shard;

import dev.storemon.shard.StoreBuckets;
import dev.storemon.time.EpochMicros;
import dev.storemon.worker.WorkerProperties;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the shards this worker computed warm: per shard range, the stores with their schedules and the polls of the
 * latest data version it read ({@link ShardPolls}). The next report on that version reads nothing but its version's
 * schedule version; a report on a newer version reads only the polls that version added (and the stores again only
 * when the schedule version changed or a new store appeared). Bounded by {@code storemon.worker.cache-max-bytes},
 * evicting whole shards, least recently used first. Reads run in the cache's own read-only transaction (one
 * snapshot for the stores, schedules and polls of a load), opened only once the shard's lock is held: a task waiting
 * for another thread's load of its shard holds no database connection meanwhile.
 */
@Component
class ShardCache {

    /** How much earlier than the first report's week the polls are read, so that earlier as_of values hit too. */
    static final long SLACK_MICROS = ChronoUnit.DAYS.getDuration().toSeconds() * 1_000_000L;

    private static final Logger log = LoggerFactory.getLogger(ShardCache.class);

    /** What a shard's reads came from. */
    enum Source {
        /** Served from the cache, nothing read but the schedule version. */
        HIT,
        /** The cached polls extended with a newer version's polls. */
        EXTENDED,
        /** Read whole from the database and cached. */
        LOADED,
        /** Read from the database, not cached (an older data version, or the cache is off). */
        DATABASE
    }

    /** One warm shard; immutable, replaced whole. */
    record Entry(
            long dataVersion,
            Instant createdAt,
            long scheduleVersion,
            Map<Integer, ShardReader.Store> stores,
            ShardPolls polls,
            long bytes) {}

    /** A shard's data for one report and where it came from. */
    record Warm(Entry entry, Source source) {}

    private final ShardReader reader;
    private final TransactionTemplate readOnly;
    private final long maxBytes;
    private final LinkedHashMap<StoreBuckets.Range, Entry> entries = new LinkedHashMap<>(32, 0.75f, true);
    private long bytes;
    private final ConcurrentHashMap<StoreBuckets.Range, Object> readers = new ConcurrentHashMap<>();
    private final AtomicLong[] counts = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};

    ShardCache(ShardReader reader, PlatformTransactionManager transactions, WorkerProperties properties) {
        this.reader = reader;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.readOnly.setIsolationLevel(TransactionTemplate.ISOLATION_REPEATABLE_READ);
        // Never more than a quarter of the heap: a worker started with a small -Xmx (e.g. 256m at ten times the data)
        // must keep room for the shard it is computing.
        long configured = properties.cacheMaxBytes().toBytes();
        this.maxBytes = Math.min(configured, Runtime.getRuntime().maxMemory() / 4);
        log.info(
                "shard cache: up to {} MB{}",
                maxBytes / (1024 * 1024),
                maxBytes < configured ? " (a quarter of the heap, below storemon.worker.cache-max-bytes)" : "");
    }

    boolean enabled() {
        return maxBytes > 0;
    }

    /**
     * The shard's stores and polls for a report pinned to {@code dataVersion} at {@code asOf}, or null when the cache
     * cannot serve it (off, or an older data version than the one cached): the caller then reads the database.
     */
    Warm get(StoreBuckets.Range range, long dataVersion, Instant asOf) {
        if (!enabled()) {
            return null;
        }
        // One reader per shard at a time: a task arriving while the pre-warm (or another task) loads its shard waits
        // for that load and then hits, instead of reading the same polls again on a machine already busy with them.
        synchronized (readers.computeIfAbsent(range, r -> new Object())) {
            return readOnly.execute(status -> getOrLoad(range, dataVersion, asOf));
        }
    }

    /** Empties the cache (tests start from a cold worker). */
    synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** The shard ranges held now, least recently used first. */
    synchronized List<StoreBuckets.Range> ranges() {
        return List.copyOf(entries.keySet());
    }

    private Warm getOrLoad(StoreBuckets.Range range, long dataVersion, Instant asOf) {
        long asOfMicros = EpochMicros.of(asOf);
        Entry cached = lookup(range);
        if (cached != null && !reader.versionCreatedAt(cached.dataVersion()).equals(Optional.of(cached.createdAt()))) {
            cached = null; // the database was emptied and loaded again: same version number, other data
        }
        if (cached != null && cached.dataVersion() > dataVersion) {
            counts[Source.DATABASE.ordinal()].incrementAndGet();
            return null; // polls of a later version are mixed in; this report reads the database as before
        }
        Warm warm;
        if (cached != null && cached.polls().covers(asOfMicros)) {
            warm = cached.dataVersion() == dataVersion
                    ? new Warm(cached, Source.HIT)
                    : new Warm(extend(range, cached, dataVersion), Source.EXTENDED);
        } else {
            warm = new Warm(load(range, dataVersion, asOfMicros), Source.LOADED);
        }
        counts[warm.source().ordinal()].incrementAndGet();
        if (warm.source() != Source.HIT) {
            store(range, warm.entry());
        }
        return warm;
    }

    long count(Source source) {
        return counts[source.ordinal()].get();
    }

    synchronized long bytes() {
        return bytes;
    }

    private Entry load(StoreBuckets.Range range, long dataVersion, long asOfMicros) {
        long scheduleVersion = reader.scheduleVersion(dataVersion);
        Map<Integer, ShardReader.Store> stores = reader.stores(range, scheduleVersion);
        long fromMicros = asOfMicros - ShardPolls.WEEK_MICROS - SLACK_MICROS;
        ShardPolls.Rows rows = new ShardPolls.Rows();
        reader.pollsFrom(range, dataVersion, EpochMicros.toInstant(fromMicros), rows);
        return entry(dataVersion, createdAt(dataVersion), scheduleVersion, stores, rows.toShardPolls(fromMicros));
    }

    private Entry extend(StoreBuckets.Range range, Entry cached, long dataVersion) {
        long scheduleVersion = reader.scheduleVersion(dataVersion);
        ShardPolls.Rows rows = new ShardPolls.Rows();
        reader.pollsOfVersions(range, cached.dataVersion(), dataVersion, rows);
        ShardPolls polls = cached.polls().extendedWith(rows);
        Map<Integer, ShardReader.Store> stores = cached.stores();
        boolean newStore = false;
        for (int key : polls.storeKeys()) {
            newStore |= !stores.containsKey(key);
        }
        if (scheduleVersion != cached.scheduleVersion() || newStore) {
            stores = reader.stores(range, scheduleVersion);
        }
        return entry(dataVersion, createdAt(dataVersion), scheduleVersion, stores, polls);
    }

    private Instant createdAt(long dataVersion) {
        return reader.versionCreatedAt(dataVersion)
                .orElseThrow(() -> new IllegalStateException("data version " + dataVersion + " does not exist"));
    }

    private static Entry entry(
            long dataVersion,
            Instant createdAt,
            long scheduleVersion,
            Map<Integer, ShardReader.Store> stores,
            ShardPolls polls) {
        // A store with its zone and weekly schedule: a few hundred bytes (the schedule's arrays, the map entry).
        long bytes = polls.estimatedBytes() + stores.size() * 400L;
        return new Entry(dataVersion, createdAt, scheduleVersion, Map.copyOf(stores), polls, bytes);
    }

    private synchronized Entry lookup(StoreBuckets.Range range) {
        return entries.get(range);
    }

    private synchronized void store(StoreBuckets.Range range, Entry entry) {
        Entry previous = entries.remove(range);
        if (previous != null) {
            bytes -= previous.bytes();
        }
        if (entry.bytes() > maxBytes) {
            log.warn(
                    "shard {} not cached: {} bytes is more than storemon.worker.cache-max-bytes ({})",
                    range,
                    entry.bytes(),
                    maxBytes);
            return;
        }
        entries.put(range, entry);
        bytes += entry.bytes();
        Iterator<Map.Entry<StoreBuckets.Range, Entry>> oldest =
                entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            Map.Entry<StoreBuckets.Range, Entry> evicted = oldest.next();
            if (evicted.getKey().equals(range)) {
                continue;
            }
            bytes -= evicted.getValue().bytes();
            oldest.remove();
            log.info("shard {} evicted from the cache ({} bytes in use)", evicted.getKey(), bytes);
        }
    }
}
