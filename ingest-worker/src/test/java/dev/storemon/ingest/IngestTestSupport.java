package dev.storemon.ingest;

import dev.storemon.ingest.run.IngestRunner;
import dev.storemon.ingest.run.RunResult;
import dev.storemon.ingest.run.Trigger;
import dev.storemon.testing.TestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest worker against the shared real Postgres and Kafka, loading from a scratch source directory that each
 * test fills. Every test starts from an empty database.
 */
@SpringBootTest(
        properties = {"spring.config.name=ingest-worker", "storemon.ingest.run-on-start=false", "storemon.ingest.cron=-"
        })
public abstract class IngestTestSupport {

    protected static final Path SOURCE = scratchDir();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry);
        registry.add("storemon.ingest.source-dir", SOURCE::toString);
    }

    @Autowired
    protected IngestRunner runner;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected JsonMapper json;

    @BeforeEach
    void emptyDatabaseAndSourceDir() throws IOException {
        jdbc.sql("""
                truncate report_shards, reports, data_versions, ingest_runs, polls, business_hours,
                         store_zones, store_owners, stores restart identity cascade""").update();
        try (Stream<Path> files = Files.list(SOURCE)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    protected static void write(String name, String... lines) {
        try {
            Files.writeString(SOURCE.resolve(name), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static void append(String name, String... lines) {
        try {
            Files.writeString(SOURCE.resolve(name), String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected RunResult runOk() {
        RunResult result = runner.run(Trigger.MANUAL);
        if (!result.succeeded()) {
            throw new AssertionError("run failed: " + result.error());
        }
        return result;
    }

    /** The {@code files} JSON of a run, by kind of file. */
    protected Map<String, Object> file(long runId, String kind) {
        String text = jdbc.sql("select files::text from ingest_runs where id = :id")
                .param("id", runId)
                .query(String.class)
                .single();
        List<Map<String, Object>> files = json.readValue(text, new TypeReference<>() {});
        return files.stream()
                .filter(f -> kind.equals(f.get("kind")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " entry in " + text));
    }

    protected long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Polls as {@code store,ts,active,version} lines, sorted. */
    protected List<String> polls(String where) {
        return jdbc.sql("""
                select s.store_id || ',' || (p.ts at time zone 'UTC')::text || ','
                       || p.active || ',' || p.version
                from polls p join stores s using (store_key)""" + " where " + where + " order by 1")
                .query(String.class)
                .list();
    }

    private static Path scratchDir() {
        try {
            return Files.createTempDirectory("storemon-ingest-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
