package dev.storemon.ingest.load;

import dev.storemon.ingest.IngestProperties;
import dev.storemon.ingest.source.BadSourceException;
import dev.storemon.ingest.source.FileReport;
import dev.storemon.ingest.source.PollFileReader;
import dev.storemon.ingest.source.ScheduleFileReader;
import dev.storemon.ingest.source.SourceSet;
import dev.storemon.shard.StoreBuckets;
import dev.storemon.time.EpochMicros;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the sources as one new data version. Must run inside the caller's transaction (which holds the ingest lock):
 * files are streamed into temp tables, then set-based SQL adds new stores and polls and, when hours or zones changed,
 * a complete new schedule. Rows that earlier versions read are never updated or deleted.
 */
@Component
public class VersionLoader {

    private static final Logger log = LoggerFactory.getLogger(VersionLoader.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Duration futureTolerance;

    VersionLoader(DataSource dataSource, JdbcClient jdbc, JsonMapper json, IngestProperties properties) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.json = json;
        this.futureTolerance = properties.futureTolerance();
    }

    /**
     * Loads a new data version, unless nothing changed: no new poll and the same hours and zones files. Then no
     * version is created and the result names the current one.
     *
     * @param runId   the ingest run
     * @param sources the files
     * @param limit   rejections kept per file
     * @param files   receives each file's report once it is read (the poll file's first, then hours, zones, owners)
     * @return what was stored
     * @throws BadSourceException when a file must be rejected as a whole (the caller rolls back)
     */
    public LoadResult load(long runId, SourceSet sources, int limit, List<FileReport.Builder> files) {
        try {
            return doLoad(runId, sources, limit, files);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("loading failed: " + e.getMessage(), e);
        }
    }

    /**
     * One core is left to this thread and Postgres, which stage the other files meanwhile. On a cold JVM the parse
     * runs in profiling (tier 3) code whose counters every parsing core writes: on 2 cores two parse threads took
     * longer than one (decisions: "Ingest, third pass").
     */
    private static int parseThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    private LoadResult doLoad(long runId, SourceSet sources, int limit, List<FileReport.Builder> files)
            throws SQLException, IOException {
        if (sources.polls() == null) {
            throw new BadSourceException("no poll file (store_status.csv or 'store status.csv') in "
                    + sources.dir().toAbsolutePath());
        }
        long started = System.nanoTime();
        PreviousLoad previous = PreviousLoad.latest(jdbc, json);
        long version = previous.version() + 1;
        jdbc.sql(StagingSql.CREATE).update();
        jdbc.sql("set local work_mem = '256MB'").update(); // the anti-join's hash of a full staged file stays in memory
        CopyManager copy = DataSourceUtils.getConnection(dataSource)
                .unwrap(PGConnection.class)
                .getCopyAPI();

        // The poll file is parsed on other threads (it needs no database) while this one, which holds the
        // transaction's connection, stages the other files and stores the schedule: Postgres works meanwhile.
        // a poll later than this cannot be true (e.g. a clock or year typo): it would move every report's as_of
        long notAfter = EpochMicros.of(Instant.now().plus(futureTolerance));
        List<PollBuffer> parts = new ArrayList<>();
        ExecutorService parser = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ingest-polls");
            thread.setDaemon(true);
            return thread;
        });
        Future<FileReport.Builder> parsing = parser.submit(() -> PollFileReader.read(
                sources.polls(), previous.source(FileReport.Kind.POLLS), notAfter, limit, parseThreads(), bytes -> {
                    PollBuffer part = PollBuffer.forBytes(bytes);
                    parts.add(part);
                    return part;
                }));
        parser.shutdown();
        Schedule schedule;
        FileReport.Builder polls;
        try {
            schedule = stageSchedule(sources, previous, version, limit, copy);
            polls = parsing.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing the poll file", e);
        } finally {
            parsing.cancel(true); // when staging the other files failed: stop parsing
        }
        long parsed = System.nanoTime();
        files.add(polls);
        files.add(schedule.hours());
        files.add(schedule.zones());
        files.add(schedule.owners().report());
        PollBuffer buffered = parts.get(0);
        parts.subList(1, parts.size()).forEach(buffered::addAll);

        int storesAdded = schedule.storesAdded() + addStores(copy, buffered.storeIds());
        long staged = System.nanoTime();
        // read after the insert, in the same transaction: every store of the files has its key now
        Map<String, Integer> storeKeys = new HashMap<>();
        jdbc.sql("select store_id, store_key from stores").query(rs -> {
            storeKeys.put(rs.getString(1), rs.getInt(2));
        });
        // Polls later than every stored one cannot be stored yet (a first load, an appended hour): they go straight
        // into polls; otherwise they are staged and the anti-join below skips those already stored.
        boolean allNew =
                previous.latestPollAt() == null || buffered.minMicros() > EpochMicros.of(previous.latestPollAt());
        // no poll stored yet (a first load): the primary key and indexes are built once after the COPY
        DeferredIndexes deferred = previous.latestPollAt() == null && allNew ? DeferredIndexes.dropIfEmpty(jdbc) : null;
        long copied = PollStaging.copy(
                copy, buffered, storeKeys, allNew ? version : 0, deferred != null && deferred.emptied());
        long stored = System.nanoTime();
        if (deferred != null) {
            deferred.rebuild();
        }
        long indexed = System.nanoTime();

        // fresh tables have no statistics: without them the planner picks nested loops over a million rows
        jdbc.sql("analyze stores, stage_polls").update();
        // Staged polls are in primary-key order (random index insertions would be slower); without ON CONFLICT (a
        // speculative insertion per row was 5x slower): the anti-join skips stored polls, PollBuffer already dropped
        // repeated ones, and the ingest lock keeps other writers out.
        long pollsAdded =
                allNew ? copied : jdbc.sql("""
                insert into polls (store_key, ts, active, version)
                select p.store_key, p.ts, p.active, :version from stage_polls p
                where not exists (select 1 from polls o where o.store_key = p.store_key and o.ts = p.ts)""").param("version", version).update();
        polls.stored(pollsAdded, polls.rowsValid() - pollsAdded);

        long inserted = System.nanoTime();
        boolean reuse = schedule.reused();
        long scheduleVersion = reuse ? previous.scheduleVersion() : version;
        FileReport.Builder hours = schedule.hours();
        FileReport.Builder zones = schedule.zones();
        OwnerStaging owners = schedule.owners();
        log.debug(
                "run {}: polls parsed in {} ms (meanwhile the other files staged and the schedule stored in {} ms),"
                        + " their stores added in {} ms, polls sorted and copied in {} ms, indexed in {} ms, then"
                        + " inserted in {} ms",
                runId,
                (parsed - started) / 1_000_000,
                schedule.millis(),
                (staged - parsed) / 1_000_000,
                (stored - staged) / 1_000_000,
                (indexed - stored) / 1_000_000,
                (inserted - indexed) / 1_000_000);
        long rejected = polls.rowsRejected()
                + hours.rowsRejected()
                + zones.rowsRejected()
                + owners.report().rowsRejected();
        if (previous.version() > 0 && reuse && !owners.changed() && pollsAdded == 0 && storesAdded == 0) {
            // nothing a report could read changed: the current version stays current
            return new LoadResult(
                    previous.version(),
                    previous.scheduleVersion(),
                    true,
                    0,
                    count("business_hours", previous.scheduleVersion()),
                    count("store_zones", previous.scheduleVersion()),
                    rejected,
                    previous.latestPollAt() == null
                            ? null
                            : previous.latestPollAt().toInstant(),
                    false);
        }
        OffsetDateTime latest = previous.latestPollAtWith(buffered.maxMicros());
        jdbc.sql("""
                insert into data_versions (version, ingest_run_id, first_poll_at, latest_poll_at, schedule_version,
                                           owner_version)
                values (:version, :run, :first, :latest, :schedule, :owners)""")
                .param("version", version)
                .param("run", runId)
                .param("first", previous.firstPollAtWith(buffered.minMicros()))
                .param("latest", latest)
                .param("schedule", scheduleVersion)
                .param("owners", schedule.ownerVersion(), java.sql.Types.BIGINT)
                .update();
        return new LoadResult(
                version,
                scheduleVersion,
                reuse,
                pollsAdded,
                count("business_hours", scheduleVersion),
                count("store_zones", scheduleVersion),
                rejected,
                latest == null ? null : latest.toInstant(),
                true);
    }

    /**
     * What {@link #stageSchedule} did.
     *
     * @param reused       the hours and zones files are the previous version's: its schedule version stays
     * @param storesAdded  stores named first by these files
     * @param ownerVersion the new version's owner_version, or null
     * @param millis       how long it took
     */
    private record Schedule(
            FileReport.Builder hours,
            FileReport.Builder zones,
            OwnerStaging owners,
            boolean reused,
            int storesAdded,
            Long ownerVersion,
            long millis) {}

    /**
     * Stages the hours, zones and owners files, adds the stores they name and, when hours or zones changed, stores
     * the new version's complete schedule; the owners of the new version too.
     */
    private Schedule stageSchedule(SourceSet sources, PreviousLoad previous, long version, int limit, CopyManager copy)
            throws SQLException, IOException {
        long started = System.nanoTime();
        String hoursSha = sources.hours() == null ? null : ScheduleFileReader.sha256(sources.hours());
        String zonesSha = sources.zones() == null ? null : ScheduleFileReader.sha256(sources.zones());
        boolean reuse = previous.version() > 0
                && Objects.equals(
                        hoursSha, previous.source(FileReport.Kind.HOURS).sha256())
                && Objects.equals(
                        zonesSha, previous.source(FileReport.Kind.ZONES).sha256());
        Set<String> storeIds = new HashSet<>();
        FileReport.Builder hours = reuse || sources.hours() == null
                ? notRead(
                        FileReport.Kind.HOURS, sources.hours(), "business_hours.csv", limit, "every store is open 24x7")
                : ScheduleStaging.hours(copy, sources.hours(), limit, storeIds);
        FileReport.Builder zones = reuse || sources.zones() == null
                ? notRead(
                        FileReport.Kind.ZONES,
                        sources.zones(),
                        "timezones.csv",
                        limit,
                        "every store is in America/Chicago")
                : ScheduleStaging.zones(copy, sources.zones(), limit, storeIds);
        hours.source(hours.source().withSha256(hoursSha));
        zones.source(zones.source().withSha256(zonesSha));
        OwnerStaging owners = OwnerStaging.stage(jdbc, copy, sources.dir(), previous, limit, storeIds);
        int storesAdded = addStores(copy, storeIds);
        if (!reuse) {
            jdbc.sql("analyze stores, stage_hours, stage_zones").update();
            hours.stored(jdbc.sql("""
                    insert into business_hours (schedule_version, store_key, day, start_local, end_local)
                    select :v, s.store_key, h.day, h.start_local, h.end_local
                    from stage_hours h join stores s on s.store_id = h.store_id""").param("v", version).update(), 0);
            zones.stored(jdbc.sql("""
                    insert into store_zones (schedule_version, store_key, zone_id)
                    select :v, s.store_key, z.zone_id from stage_zones z join stores s on s.store_id = z.store_id""").param("v", version).update(), 0);
        }
        Long ownerVersion = owners.store(jdbc, previous, version);
        return new Schedule(
                hours, zones, owners, reuse, storesAdded, ownerVersion, (System.nanoTime() - started) / 1_000_000);
    }

    /** Adds the stores not stored yet, each with its bucket. @return how many were added */
    private int addStores(CopyManager copy, Collection<String> storeIds) throws SQLException, IOException {
        jdbc.sql("truncate stage_stores").update();
        try (TextStaging staging = new TextStaging(copy, "stage_stores", "store_id, bucket")) {
            storeIds.forEach(id -> staging.row(id, StoreBuckets.of(id)));
            staging.finish();
        }
        // Keys in bucket order: a shard (a range of buckets) is then a range of keys, and since polls are stored
        // in key order, a contiguous part of the poll table that a report worker reads in one sweep.
        return jdbc.sql("insert into stores (store_id, bucket) select store_id, bucket from stage_stores"
                        + " order by bucket, store_id on conflict (store_id) do nothing")
                .update();
    }

    /** The report of a file not parsed: missing, or identical to the previous version's. */
    private static FileReport.Builder notRead(
            FileReport.Kind kind, Path file, String expected, int limit, String consequence) {
        if (file == null) {
            FileReport.Builder report = new FileReport.Builder(kind, expected, limit);
            report.status(FileReport.Status.MISSING);
            report.note("no " + kind.word() + " file: " + consequence);
            return report;
        }
        FileReport.Builder report =
                new FileReport.Builder(kind, file.getFileName().toString(), limit);
        report.status(FileReport.Status.UNCHANGED);
        return report;
    }

    private long count(String table, long scheduleVersion) {
        return jdbc.sql("select count(*) from " + table + " where schedule_version = :v")
                .param("v", scheduleVersion)
                .query(Long.class)
                .single();
    }
}
