package dev.storemon.worker;

import dev.storemon.testing.Dataset;
import dev.storemon.testing.TestInfrastructure;
import dev.storemon.uptime.Interpolation;
import dev.storemon.uptime.ReportCsv;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One report-worker application context shared by every test class of the module, on the shared Postgres and broker,
 * with its listener running. Retries are 5 minutes apart, so that a task that reaches the dead-letter topic within a
 * test's wait was not retried.
 */
@SpringBootTest(
        classes = ReportWorkerApplication.class,
        properties = {
            "spring.config.name=" + ReportWorkerApplication.CONFIG_NAME,
            "storemon.worker.id=test-worker",
            "storemon.worker.retries=2",
            "storemon.worker.retry-backoff=5m"
        })
public abstract class WorkerTestBase {

    /** Two days after the US DST start: the week before crosses it. */
    protected static final Instant AS_OF = Instant.parse("2023-03-14T15:37:12.345678Z");

    protected static final Dataset DATA = new Dataset(11, 60, AS_OF);

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
    }

    /** Loads {@link #DATA} into an empty schema, unless it is what the database holds already. */
    protected void loadDataset() {
        if (jdbc.sql("select count(*) from stores").query(Integer.class).single() != DATA.stores.size()) {
            jdbc.sql("""
                    truncate report_shards, reports, business_hours, store_zones, store_owners, polls, stores,
                             data_versions, ingest_runs restart identity
                    """).update();
            DATA.load(jdbc);
        }
    }

    /** Records a report of the dataset's version, as the gateway does before it publishes the tasks. */
    protected UUID insertReport(String status, Interpolation interpolation, int shardCount) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count)
                        values (?, ?, now(), ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        status,
                        AS_OF.atOffset(ZoneOffset.UTC),
                        Dataset.VERSION,
                        interpolation.wireName(),
                        shardCount)
                .update();
        return id;
    }

    /** The report's stored shards as CSV, merged as the gateway merges them. */
    protected String rowsAsCsv(UUID id) {
        return ReportCsv.merge(jdbc.sql("select csv from report_shards where report_id = ? order by shard")
                .param(id)
                .query(String.class)
                .list());
    }

    /** The number of lines in the shard's stored fragment. */
    protected long rowCount(UUID id, int shard) {
        return jdbc.sql("""
                        select length(csv) - length(replace(csv, E'\\n', ''))
                        from report_shards where report_id = ? and shard = ?
                        """).params(id, shard).query(Long.class).optional().orElse(0L);
    }

    protected long doneMarks(UUID id) {
        return jdbc.sql("select count(*) from report_shards where report_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
