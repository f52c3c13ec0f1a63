package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.ingest.run.RunResult;
import dev.storemon.ingest.run.Trigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadInputTest extends IngestTestSupport {

    @Test
    void badRowsAreReportedWithFileLineAndReasonWhileTheGoodRowsLoad() {
        write(
                "store_status.csv",
                "store_id,status,timestamp_utc",
                "s1,active,2023-01-22 10:00:00 UTC",
                "s1,active",
                "s1,active,2023-01-22 99:00:00 UTC",
                "s1,Sleeping,2023-01-22 11:00:00 UTC",
                ",active,2023-01-22 12:00:00 UTC",
                "\"s,1\",active,2023-01-22 12:00:00 UTC",
                "",
                "s2, INACTIVE ,2023-01-22 13:00:00 UTC",
                "s2,active,");
        write(
                "menu_hours.csv",
                "store_id,day,start_time_local,end_time_local",
                "s1,0,09:00:00,17:00:00",
                "s1,7,09:00:00,17:00:00",
                "s1,-1,09:00:00,17:00:00",
                "s1,1,9 am,17:00:00",
                "s1,1,09:00:00,25:00:00",
                "s1,x,09:00:00,17:00:00",
                "s2,6,22:00:00,02:00:00");
        write(
                "timezones.csv",
                "store_id,timezone_str",
                "s1,America/Denver",
                "s2,Mars/Olympus_Mons",
                "s1,America/New_York",
                "s3,");

        RunResult run = runOk();

        assertThat(rejections(run, "polls"))
                .containsExactly(
                        Map.of("line", 3, "reason", "has 2 fields, the header has 3"),
                        Map.of("line", 4, "reason", "bad timestamp '2023-01-22 99:00:00 UTC'"),
                        Map.of("line", 5, "reason", "unknown status 'Sleeping'"),
                        Map.of("line", 6, "reason", "empty store_id"),
                        Map.of(
                                "line",
                                7,
                                "reason",
                                "store_id contains ',' (allowed: letters, digits, '-', '_', '.', ':')"),
                        Map.of("line", 10, "reason", "missing timestamp_utc"));
        assertThat(file(run.runId(), "polls"))
                .containsEntry("name", "store_status.csv")
                .containsEntry("rows_read", 8)
                .containsEntry("rows_loaded", 2)
                .containsEntry("rows_rejected", 6);
        assertThat(polls("true")).containsExactly("s1,2023-01-22 10:00:00,true,1", "s2,2023-01-22 13:00:00,false,1");

        assertThat(rejections(run, "hours"))
                .containsExactly(
                        Map.of("line", 3, "reason", "day '7' is not 0 (Monday) to 6 (Sunday)"),
                        Map.of("line", 4, "reason", "day '-1' is not 0 (Monday) to 6 (Sunday)"),
                        Map.of("line", 5, "reason", "bad start_time_local '9 am'"),
                        Map.of("line", 6, "reason", "bad end_time_local '25:00:00'"),
                        Map.of("line", 7, "reason", "day 'x' is not 0 (Monday) to 6 (Sunday)"));
        assertThat(file(run.runId(), "hours")).containsEntry("rows_loaded", 2).containsEntry("rows_rejected", 5);

        assertThat(rejections(run, "zones"))
                .containsExactly(
                        Map.of("line", 4, "reason", "store already has a zone on line 2"),
                        Map.of("line", 5, "reason", "missing timezone_str"));
        assertThat(file(run.runId(), "zones").get("warnings"))
                .isEqualTo(List.of(
                        Map.of("line", 3, "reason", "unknown time zone 'Mars/Olympus_Mons', using America/Chicago")));
        assertThat(jdbc.sql("""
                select s.store_id || '=' || z.zone_id from store_zones z join stores s using (store_key)
                order by 1""").query(String.class).list()).containsExactly("s1=America/Denver", "s2=America/Chicago");
        assertThat(run.load().rowsRejected()).isEqualTo(13);
    }

    @Test
    void aHeaderWithoutARequiredColumnFailsTheRunAndLeavesThePreviousDataExactlyAsItWas() {
        write("store_status.csv", "store_id,status,timestamp_utc", "s1,active,2023-01-22 10:00:00 UTC");
        write("menu_hours.csv", "store_id,day,start_time_local,end_time_local", "s1,0,09:00:00,17:00:00");
        write("timezones.csv", "store_id,timezone_str", "s1,America/Denver");
        runOk();
        List<String> before = everything();

        append("store_status.csv", "s2,active,2023-01-22 11:00:00 UTC");
        write("menu_hours.csv", "store_id,weekday,start_time_local,end_time_local", "s1,0,10:00:00,17:00:00");
        write("timezones.csv", "store_id,timezone_str", "s1,America/New_York");
        RunResult failed = runner.run(Trigger.MANUAL);

        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.error())
                .isEqualTo("menu_hours.csv: the header has no column day or dayofweek or day_of_week"
                        + " (header: store_id,weekday,start_time_local,end_time_local)");
        assertThat(everything()).isEqualTo(before);
        assertThat(jdbc.sql("select status || ' ' || error || ' ' || (data_version is null) from ingest_runs"
                                + " where id = :id")
                        .param("id", failed.runId())
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED " + failed.error() + " true");
    }

    @Test
    void aMissingPollFileFailsTheRun() {
        write("menu_hours.csv", "store_id,day,start_time_local,end_time_local", "s1,0,09:00:00,17:00:00");
        RunResult failed = runner.run(Trigger.MANUAL);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.error()).startsWith("no poll file (store_status.csv or 'store status.csv') in ");
        assertThat(count("select count(*) from data_versions")).isZero();
    }

    @Test
    void aHeaderThatCannotBeParsedFailsTheRun() {
        write("store_status.csv", "\"store_id,status,timestamp_utc", "s1,active,2023-01-22 10:00:00 UTC");
        RunResult failed = runner.run(Trigger.MANUAL);
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.error())
                .isEqualTo("store_status.csv: the header line cannot be parsed: unterminated quote in field 1");
        assertThat(count("select count(*) from polls")).isZero();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rejections(RunResult run, String kind) {
        return (List<Map<String, Object>>) file(run.runId(), kind).get("rejections");
    }

    /** Every row a report could read, as text. */
    private List<String> everything() {
        return jdbc.sql("""
                select 'poll ' || p::text from polls p
                union all select 'hours ' || h::text from business_hours h
                union all select 'zone ' || z::text from store_zones z
                union all select 'store ' || s::text from stores s
                union all select 'version ' || v.version || ' ' || v.schedule_version || ' ' || v.latest_poll_at
                    from data_versions v
                order by 1""").query(String.class).list();
    }
}
