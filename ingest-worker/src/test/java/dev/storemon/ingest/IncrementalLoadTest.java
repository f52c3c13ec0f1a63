package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.ingest.run.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncrementalLoadTest extends IngestTestSupport {

    private static final String HEADER = "store_id,status,timestamp_utc";

    @Test
    void aFirstLoadBuildsThePollTablesKeyAndIndexesAgainAfterItsCopy() {
        List<String> before = pollIndexes();
        write(
                "store_status.csv",
                HEADER,
                "s1,active,1999-12-31 23:59:59.999999 UTC", // before Postgres' epoch (2000-01-01)
                "s1,inactive,1969-12-31 23:59:59.5 UTC", // before the Unix epoch
                "s2,active,2023-03-12 07:59:59.999999 UTC", // the US switch to summer time: 2:00 in Chicago
                "s2,active,2023-03-12 08:00:00.000001 UTC",
                "s2,inactive,2023-11-05T01:30:00.000001-05:00", // Chicago's repeated hour, second time
                "s3,active,2000-01-01 00:00:00 UTC");

        RunResult first = runOk();

        assertThat(pollIndexes()).isEqualTo(before).anyMatch(def -> def.contains("polls_pkey"));
        assertThat(first.load().pollsAdded()).isEqualTo(6);
        // binary COPY: every instant to the microsecond
        assertThat(polls("true"))
                .containsExactly(
                        "s1,1969-12-31 23:59:59.5,false,1",
                        "s1,1999-12-31 23:59:59.999999,true,1",
                        "s2,2023-03-12 07:59:59.999999,true,1",
                        "s2,2023-03-12 08:00:00.000001,true,1",
                        "s2,2023-11-05 06:30:00.000001,false,1",
                        "s3,2000-01-01 00:00:00,true,1");

        // the key is there again: a rewritten file's polls are found already stored, none is stored twice
        write("store_status.csv", HEADER, "s3,active,2000-01-01 00:00:00 UTC", "s3,active,2000-01-01 00:00:01 UTC");
        RunResult second = runOk();
        assertThat(second.load().pollsAdded()).isEqualTo(1);
        assertThat(count("select count(*) from polls")).isEqualTo(7);
        assertThat(pollIndexes()).isEqualTo(before);
    }

    private List<String> pollIndexes() {
        return jdbc.sql("select indexdef from pg_indexes where tablename = 'polls' order by indexname")
                .query(String.class)
                .list();
    }

    @Test
    void aReloadOfAnAppendedFileAddsOnlyTheNewPolls() {
        write(
                "store_status.csv",
                HEADER,
                "s1,active,2023-01-22 10:00:00.000001 UTC",
                "s2,inactive,2023-01-22 10:05:00 UTC",
                "s1,active,2023-01-22 11:00:00 UTC");
        RunResult first = runOk();
        assertThat(first.load().version()).isEqualTo(1);
        assertThat(first.load().pollsAdded()).isEqualTo(3);

        append(
                "store_status.csv",
                "s1,inactive,2023-01-22 12:00:00 UTC",
                "s2,active,2023-01-22 10:05:00 UTC", // already stored (same store and instant): not duplicated
                "s3,active,2023-01-22 12:01:00 UTC");
        RunResult second = runOk();

        assertThat(second.load().version()).isEqualTo(2);
        assertThat(second.load().pollsAdded()).isEqualTo(2);
        assertThat(polls("true"))
                .containsExactly(
                        "s1,2023-01-22 10:00:00.000001,true,1",
                        "s1,2023-01-22 11:00:00,true,1",
                        "s1,2023-01-22 12:00:00,false,2",
                        "s2,2023-01-22 10:05:00,false,1",
                        "s3,2023-01-22 12:01:00,true,2");
        Map<String, Object> polls = file(second.runId(), "polls");
        assertThat(polls)
                .containsEntry("status", "APPENDED")
                .containsEntry("rows_read", 3)
                .containsEntry("rows_loaded", 2)
                .containsEntry("rows_already_stored", 1)
                .containsEntry("rows_rejected", 0);
        assertThat(count("select count(*) from stores")).isEqualTo(3);
        assertThat(jdbc.sql("select latest_poll_at::text from data_versions where version = 2")
                        .query(String.class)
                        .single())
                .isEqualTo("2023-01-22 12:01:00+00");
    }

    @Test
    void eachVersionRecordsItsFirstPollAcrossTheVersionsBeforeIt() {
        write(
                "store_status.csv",
                HEADER,
                "s1,active,2023-01-22 10:00:00.000001 UTC",
                "s2,active,2023-01-22 11:00:00 UTC");
        runOk();
        // rewritten with an earlier poll: version 2's polls (its own and version 1's) start earlier
        write(
                "store_status.csv",
                HEADER,
                "s2,active,2023-01-22 08:30:00 UTC",
                "s1,active,2023-01-22 10:00:00.000001 UTC",
                "s2,active,2023-01-22 11:00:00 UTC");
        runOk();
        append("store_status.csv", "s3,active,2023-01-22 12:00:00 UTC");
        runOk();
        assertThat(jdbc.sql("select version || ' ' || first_poll_at from data_versions order by version")
                        .query(String.class)
                        .list())
                .containsExactly(
                        "1 2023-01-22 10:00:00.000001+00", "2 2023-01-22 08:30:00+00", "3 2023-01-22 08:30:00+00");

        // a version loaded before first polls were recorded (V133): its successor's is unknown, not guessed
        jdbc.sql("update data_versions set first_poll_at = null where version = 3")
                .update();
        append("store_status.csv", "s3,active,2023-01-22 13:00:00 UTC");
        runOk();
        assertThat(jdbc.sql("select coalesce(first_poll_at::text, 'unknown') from data_versions where version = 4")
                        .query(String.class)
                        .single())
                .isEqualTo("unknown");
    }

    @Test
    void aRejectedRowInTheAppendedTailIsReportedWithItsLineInTheWholeFile() {
        write("store_status.csv", HEADER, "s1,active,2023-01-22 10:00:00 UTC", "s1,active,2023-01-22 11:00:00 UTC");
        runOk();
        append("store_status.csv", "s1,active,2023-01-22 12:00:00 UTC", "s1,sleeping,2023-01-22 13:00:00 UTC");
        RunResult second = runOk();
        assertThat(file(second.runId(), "polls").get("rejections"))
                .isEqualTo(List.of(Map.of("line", 5, "reason", "unknown status 'sleeping'")));
    }

    @Test
    void aRewrittenFileIsParsedWholeAndStillAddsNoDuplicates() {
        write("store_status.csv", HEADER, "s1,active,2023-01-22 10:00:00 UTC", "s2,active,2023-01-22 10:00:00 UTC");
        runOk();
        // same polls in another order, plus one: the prefix changed, so the whole file is read again
        write(
                "store_status.csv",
                HEADER,
                "s2,active,2023-01-22 10:00:00 UTC",
                "s1,active,2023-01-22 10:00:00 UTC",
                "s2,inactive,2023-01-22 11:00:00 UTC");
        RunResult second = runOk();
        assertThat(file(second.runId(), "polls"))
                .containsEntry("status", "LOADED")
                .containsEntry("rows_read", 3)
                .containsEntry("rows_loaded", 1)
                .containsEntry("rows_already_stored", 2);
        assertThat(count("select count(*) from polls")).isEqualTo(3);
    }

    @Test
    void anUnchangedFileAddsNoVersionAndTheRunRecordNamesTheCurrentOne() {
        write("store_status.csv", HEADER, "s1,active,2023-01-22 10:00:00 UTC");
        write("menu_hours.csv", "store_id,day,start_time_local,end_time_local", "s1,0,09:00:00,17:00:00");
        RunResult first = runOk();
        RunResult second = runOk();

        assertThat(second.load().newVersion()).isFalse();
        assertThat(second.load().version()).isEqualTo(1);
        assertThat(second.load().pollsAdded()).isZero();
        assertThat(second.load().hoursRows()).isEqualTo(1);
        assertThat(jdbc.sql("select version || ' ' || ingest_run_id from data_versions")
                        .query(String.class)
                        .list())
                .containsExactly("1 " + first.runId());
        assertThat(jdbc.sql("select status || ' ' || data_version from ingest_runs where id = :id")
                        .param("id", second.runId())
                        .query(String.class)
                        .single())
                .isEqualTo("SUCCEEDED 1");
        assertThat(file(second.runId(), "polls"))
                .containsEntry("status", "UNCHANGED")
                .containsEntry("rows_read", 0);
        assertThat(file(second.runId(), "hours")).containsEntry("status", "UNCHANGED");
        assertThat(file(second.runId(), "zones")).containsEntry("status", "MISSING");

        // a rewritten poll file whose polls are all stored, or an appended line that is already stored: no change
        write("store_status.csv", HEADER, "s1,active,2023-01-22T10:00:00Z");
        RunResult rewritten = runOk();
        assertThat(rewritten.load().newVersion()).isFalse();
        assertThat(file(rewritten.runId(), "polls"))
                .containsEntry("status", "LOADED")
                .containsEntry("rows_already_stored", 1);
        // a changed hours file is a change, even without a new poll
        write("menu_hours.csv", "store_id,day,start_time_local,end_time_local", "s1,0,10:00:00,17:00:00");
        RunResult hoursChanged = runOk();
        assertThat(hoursChanged.load().newVersion()).isTrue();
        assertThat(hoursChanged.load().version()).isEqualTo(2);
        assertThat(count("select count(*) from data_versions")).isEqualTo(2);
    }

    @Test
    void aPollRepeatedInOneFileIsStoredOnceAndTheInactiveOneWins() {
        write(
                "store_status.csv",
                HEADER,
                "s1,active,2023-01-22 10:00:00 UTC",
                "s1,inactive,2023-01-22T10:00:00Z",
                "s1,active,2023-01-22 10:00:00.000000 UTC");
        RunResult run = runOk();
        assertThat(polls("true")).containsExactly("s1,2023-01-22 10:00:00,false,1");
        assertThat(file(run.runId(), "polls")).containsEntry("rows_loaded", 1).containsEntry("rows_already_stored", 2);
    }
}
