package dev.storemon.ingest.load;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a first load (the poll table is empty), the poll table's primary key and B-tree indexes are dropped before the
 * COPY and built again after it, in the same transaction: one sorted build instead of 1.9M insertions, row by row, into the
 * primary key. The definitions are read from the catalog, so whatever the migrations declare is what is built again.
 * The drop takes the table's exclusive lock until the commit; on a first load no version exists yet, so no report
 * reads the table. The (empty) table is also truncated, which gives it new storage in this transaction: its rows can
 * be copied frozen, and with {@code wal_level = minimal} (the all-in-one's embedded Postgres) neither the COPY nor the
 * index builds write WAL (the files are synced at commit instead).
 */
final class DeferredIndexes {

    private final JdbcClient jdbc;
    private final List<String> rebuild;

    private final boolean emptied;

    private DeferredIndexes(JdbcClient jdbc, List<String> rebuild, boolean emptied) {
        this.jdbc = jdbc;
        this.rebuild = rebuild;
        this.emptied = emptied;
    }

    /** Whether the poll table was emptied (truncated) in this transaction: a COPY into it may {@code freeze}. */
    boolean emptied() {
        return emptied;
    }

    /**
     * Drops the poll table's primary key and indexes when the table is empty.
     *
     * @return what {@link #rebuild()} builds again: nothing when the table was not empty
     */
    static DeferredIndexes dropIfEmpty(JdbcClient jdbc) {
        // the lock first: no one can add a row between the check and the drop (only the ingest writes, under its
        // lock, but the exclusive lock makes the check true until the commit anyway)
        jdbc.sql("lock table polls in access exclusive mode").update();
        boolean empty = jdbc.sql("select not exists (select 1 from polls)")
                .query(Boolean.class)
                .single();
        if (!empty) {
            return new DeferredIndexes(jdbc, List.of(), false);
        }
        List<String> rebuild = new ArrayList<>();
        List<String> drop = new ArrayList<>();
        jdbc.sql("""
                select conname, pg_get_constraintdef(oid) from pg_constraint
                where conrelid = 'polls'::regclass and contype in ('p', 'u') order by conname""")
                .query((rs, n) -> {
                    String name = rs.getString(1);
                    drop.add("alter table polls drop constraint " + quote(name));
                    rebuild.add("alter table polls add constraint " + quote(name) + " " + rs.getString(2));
                    return name;
                })
                .list();
        // BRIN indexes stay: a row copied into a page range not summarized yet costs them nothing, and the vacuum
        // that follows a load this size summarizes the ranges (until then a BRIN scan reads them all: correct, slower)
        jdbc.sql("""
                select c.relname, pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                where i.indrelid = 'polls'::regclass
                  and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
                  and c.relam <> (select oid from pg_am where amname = 'brin')
                order by c.relname""")
                .query((rs, n) -> {
                    drop.add("drop index " + quote(rs.getString(1)));
                    rebuild.add(rs.getString(2));
                    return n;
                })
                .list();
        drop.forEach(sql -> jdbc.sql(sql).update());
        jdbc.sql("truncate polls").update();
        return new DeferredIndexes(jdbc, rebuild, true);
    }

    /** Builds the dropped primary key and indexes again (sorting in memory: the load's 1.9M keys fit easily). */
    void rebuild() {
        if (rebuild.isEmpty()) {
            return;
        }
        jdbc.sql("set local maintenance_work_mem = '512MB'").update();
        rebuild.forEach(sql -> jdbc.sql(sql).update());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
