package dev.storemon.ingest.load;

import dev.storemon.ingest.source.FileReport;
import dev.storemon.ingest.source.ScheduleFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.copy.CopyManager;

/** Stages the business-hours and zone files into {@code stage_hours} and {@code stage_zones}. */
final class ScheduleStaging {

    private ScheduleStaging() {}

    static FileReport.Builder hours(CopyManager copy, Path file, int limit, Set<String> storeIds)
            throws SQLException, IOException {
        try (TextStaging staging = new TextStaging(copy, "stage_hours", "store_id, day, start_local, end_local")) {
            FileReport.Builder report = ScheduleFileReader.readHours(file, limit, (storeId, day, start, end) -> {
                storeIds.add(storeId);
                staging.row(storeId, day, start, end);
            });
            staging.finish();
            return report;
        }
    }

    static FileReport.Builder zones(CopyManager copy, Path file, int limit, Set<String> storeIds)
            throws SQLException, IOException {
        try (TextStaging staging = new TextStaging(copy, "stage_zones", "store_id, zone_id")) {
            FileReport.Builder report = ScheduleFileReader.readZones(file, limit, (storeId, zone) -> {
                storeIds.add(storeId);
                staging.row(storeId, zone.getId());
            });
            staging.finish();
            return report;
        }
    }
}
