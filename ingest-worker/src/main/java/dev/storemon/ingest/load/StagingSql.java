package dev.storemon.ingest.load;

/** The staging tables: temporary, private to the loading transaction, dropped at its end. */
final class StagingSql {

    static final String CREATE = """
            create temp table stage_polls (store_key int not null, ts timestamptz not null, active boolean not null)
                on commit drop;
            create temp table stage_hours (store_id text not null, day smallint not null, start_local time not null,
                end_local time not null) on commit drop;
            create temp table stage_zones (store_id text not null, zone_id text not null) on commit drop;
            create temp table stage_stores (store_id text not null, bucket smallint not null) on commit drop;
            """;

    private StagingSql() {}
}
