package dev.storemon.ingest.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.testing.TestInfrastructure;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** V134 rebuilds a deployed poll table with its columns reordered: the same rows, key and indexes come out of it. */
class PackedPollRowsMigrationTest {

    @Test
    void aDeployedPollTableKeepsEveryRowItsKeyAndItsVersionIndex() throws SQLException {
        TestInfrastructure.Endpoints infra = TestInfrastructure.endpoints();
        String url = TestInfrastructure.newDatabase("packed_polls_");
        SingleConnectionDataSource dataSource =
                new SingleConnectionDataSource(url, infra.username(), infra.password(), true);
        try {
            Flyway.configure().dataSource(dataSource).target("133").load().migrate();
            JdbcClient jdbc = JdbcClient.create(dataSource);
            // two loads' polls, the second's appended after the first's, as incremental loads leave them
            jdbc.sql("""
                    insert into polls (store_key, ts, active, version)
                    select k, timestamptz '2023-01-20 00:00:00.123456Z' + h * interval '1 hour', (k + h) % 3 <> 0, 1
                    from generate_series(1, 30) k, generate_series(0, 47) h""").update();
            jdbc.sql("""
                    insert into polls (store_key, ts, active, version)
                    select k, timestamptz '2023-01-22 00:00:00.5Z' + h * interval '1 hour', h % 2 = 0, 2
                    from generate_series(1, 31) k, generate_series(0, 5) h""").update();
            List<String> before = rows(jdbc);

            Flyway.configure().dataSource(dataSource).load().migrate();

            assertThat(rows(jdbc)).hasSize(30 * 48 + 31 * 6).isEqualTo(before);
            assertThat(jdbc.sql("""
                            select string_agg(column_name, ',' order by ordinal_position)
                            from information_schema.columns where table_name = 'polls'""").query(String.class).single()).isEqualTo("store_key,active,ts,version");
            assertThat(jdbc.sql("""
                            select c.relname || ' ' || pg_get_indexdef(i.indexrelid)
                            from pg_index i join pg_class c on c.oid = i.indexrelid
                            where i.indrelid = 'polls'::regclass order by c.relname""").query(String.class).list())
                    .containsExactly(
                            "polls_pkey CREATE UNIQUE INDEX polls_pkey ON public.polls USING btree (store_key, ts)",
                            "polls_version_brin CREATE INDEX polls_version_brin ON public.polls USING brin (version)");
            assertThat(jdbc.sql("select contype from pg_constraint where conname = 'polls_pkey'")
                            .query(String.class)
                            .single())
                    .isEqualTo("p");
        } finally {
            dataSource.destroy();
            TestInfrastructure.dropDatabase(url);
        }
    }

    private static List<String> rows(JdbcClient jdbc) {
        return jdbc.sql("select store_key || ' ' || ts || ' ' || active || ' ' || version from polls order by 1")
                .query(String.class)
                .list();
    }
}
