-- One row per load of the CSV sources, successful or not. GET /api/ingest/status reads the latest.
create table ingest_runs (
    id           bigserial primary key,
    trigger      text        not null,              -- startup | schedule | request
    status       text        not null,              -- RUNNING | SUCCEEDED | FAILED
    started_at   timestamptz not null,
    finished_at  timestamptz,
    data_version bigint,                            -- set when the run SUCCEEDED
    error        text,                              -- why a run FAILED
    -- [{"name", "rows_read", "rows_loaded", "rows_rejected", "rejections": [{"line", "reason"}]}], first 100 rejections a file
    files        jsonb       not null default '[]'
);
