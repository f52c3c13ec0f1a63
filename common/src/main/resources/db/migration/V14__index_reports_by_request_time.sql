-- The owners' page lists the latest reports (GET /api/reports?limit=N).
create index reports_requested_at_idx on reports (requested_at desc);
