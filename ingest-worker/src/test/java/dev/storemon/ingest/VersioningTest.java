package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.ingest.run.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersioningTest extends IngestTestSupport {

    @Test
    void dataPinnedToVersionNIsUnchangedByLoadNPlus1() {
        write(
                "store_status.csv",
                "store_id,status,timestamp_utc",
                "s1,active,2023-01-22 10:00:00 UTC",
                "s2,inactive,2023-01-22 10:00:00 UTC");
        write(
                "menu_hours.csv",
                "store_id,day,start_time_local,end_time_local",
                "s1,0,09:00:00,17:00:00",
                "s1,1,22:00:00,02:00:00");
        write("timezones.csv", "store_id,timezone_str", "s1,America/Denver", "s2,America/Phoenix");
        long n = runOk().load().version();
        List<String> viewOfN = view(n);

        append("store_status.csv", "s1,inactive,2023-01-22 11:00:00 UTC", "s3,active,2023-01-22 11:00:00 UTC");
        write(
                "menu_hours.csv",
                "store_id,day,start_time_local,end_time_local",
                "s1,0,10:00:00,18:00:00",
                "s3,2,00:00:00,23:59:00");
        write("timezones.csv", "store_id,timezone_str", "s1,America/New_York");
        RunResult next = runOk();

        assertThat(next.load().version()).isEqualTo(n + 1);
        assertThat(next.load().scheduleReused()).isFalse();
        assertThat(view(n)).isEqualTo(viewOfN);
        assertThat(viewOfN)
                .containsExactly(
                        "hours s1 0 09:00:00-17:00:00",
                        "hours s1 1 22:00:00-02:00:00",
                        "latest 2023-01-22 10:00:00+00",
                        "poll s1 2023-01-22 10:00:00+00 true",
                        "poll s2 2023-01-22 10:00:00+00 false",
                        "zone s1 America/Denver",
                        "zone s2 America/Phoenix");
        assertThat(view(n + 1))
                .containsExactly(
                        "hours s1 0 10:00:00-18:00:00",
                        "hours s3 2 00:00:00-23:59:00",
                        "latest 2023-01-22 11:00:00+00",
                        "poll s1 2023-01-22 10:00:00+00 true",
                        "poll s1 2023-01-22 11:00:00+00 false",
                        "poll s2 2023-01-22 10:00:00+00 false",
                        "poll s3 2023-01-22 11:00:00+00 true",
                        "zone s1 America/New_York");
    }

    @Test
    void identicalHoursAndZonesFilesReuseTheScheduleVersion() {
        write("store_status.csv", "store_id,status,timestamp_utc", "s1,active,2023-01-22 10:00:00 UTC");
        write("menu_hours.csv", "store_id,day,start_time_local,end_time_local", "s1,0,09:00:00,17:00:00");
        write("timezones.csv", "store_id,timezone_str", "s1,America/Denver");
        RunResult first = runOk();
        append("store_status.csv", "s1,active,2023-01-22 11:00:00 UTC");
        RunResult second = runOk();

        assertThat(second.load().scheduleReused()).isTrue();
        assertThat(second.load().scheduleVersion()).isEqualTo(first.load().scheduleVersion());
        assertThat(second.load().hoursRows()).isEqualTo(1);
        assertThat(second.load().zoneRows()).isEqualTo(1);
        assertThat(file(second.runId(), "hours")).containsEntry("status", "UNCHANGED");
        assertThat(count("select count(*) from business_hours")).isEqualTo(1);

        write("timezones.csv", "store_id,timezone_str", "s1,America/Boise");
        RunResult third = runOk();
        assertThat(third.load().scheduleReused()).isFalse();
        assertThat(third.load().scheduleVersion()).isEqualTo(third.load().version());
        assertThat(view(third.load().version())).contains("hours s1 0 09:00:00-17:00:00", "zone s1 America/Boise");
    }

    @Test
    void missingHoursAndZonesFilesApplyTheDefaultsAndAreReported() {
        write("store_status.csv", "store_id,status,timestamp_utc", "s1,active,2023-01-22 10:00:00 UTC");
        RunResult run = runOk();

        assertThat(run.load().hoursRows()).isZero();
        assertThat(run.load().zoneRows()).isZero();
        Map<String, Object> hours = file(run.runId(), "hours");
        assertThat(hours)
                .containsEntry("status", "MISSING")
                .containsEntry("name", "business_hours.csv")
                .containsEntry("note", "no hours file: every store is open 24x7");
        assertThat(file(run.runId(), "zones"))
                .containsEntry("status", "MISSING")
                .containsEntry("note", "no zones file: every store is in America/Chicago");

        // a zones file appearing later is a change: new schedule version
        write("timezones.csv", "store_id,timezone_str", "s1,America/Denver");
        assertThat(runOk().load().scheduleReused()).isFalse();
    }

    /** What a report pinned to a version reads: polls up to it, the schedule of it, its latest poll. */
    private List<String> view(long version) {
        return jdbc.sql("""
                select 'poll ' || s.store_id || ' ' || p.ts || ' ' || p.active
                  from polls p join stores s using (store_key) where p.version <= :v
                union all
                select 'hours ' || s.store_id || ' ' || h.day || ' ' || h.start_local || '-' || h.end_local
                  from business_hours h join stores s using (store_key)
                  where h.schedule_version = (select schedule_version from data_versions where version = :v)
                union all
                select 'zone ' || s.store_id || ' ' || z.zone_id
                  from store_zones z join stores s using (store_key)
                  where z.schedule_version = (select schedule_version from data_versions where version = :v)
                union all
                select 'latest ' || latest_poll_at from data_versions where version = :v
                order by 1""").param("v", version).query(String.class).list();
    }
}
