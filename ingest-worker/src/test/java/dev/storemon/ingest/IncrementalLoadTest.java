package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.ingest.run.RunResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IncrementalLoadTest extends IngestTestSupport {

    private static final String HEADER = "store_id,status,timestamp_utc";

    @Test
    void aReloadOfAnAppendedFileAddsOnlyTheNewPolls() {
        write("store_status.csv", HEADER,
                "s1,active,2023-01-22 10:00:00.000001 UTC",
                "s2,inactive,2023-01-22 10:05:00 UTC",
                "s1,active,2023-01-22 11:00:00 UTC");
        RunResult first = runOk();
        assertThat(first.load().version()).isEqualTo(1);
        assertThat(first.load().pollsAdded()).isEqualTo(3);

        append("store_status.csv",
                "s1,inactive,2023-01-22 12:00:00 UTC",
                "s2,active,2023-01-22 10:05:00 UTC", // already stored (same store and instant): not duplicated
                "s3,active,2023-01-22 12:01:00 UTC");
        RunResult second = runOk();

        assertThat(second.load().version()).isEqualTo(2);
        assertThat(second.load().pollsAdded()).isEqualTo(2);
        assertThat(polls("true")).containsExactly(
                "s1,2023-01-22 10:00:00.000001,true,1",
                "s1,2023-01-22 11:00:00,true,1",
                "s1,2023-01-22 12:00:00,false,2",
                "s2,2023-01-22 10:05:00,false,1",
                "s3,2023-01-22 12:01:00,true,2");
        Map<String, Object> polls = file(second.runId(), "polls");
        assertThat(polls).containsEntry("status", "APPENDED").containsEntry("rows_read", 3)
                .containsEntry("rows_loaded", 2).containsEntry("rows_already_stored", 1)
                .containsEntry("rows_rejected", 0);
        assertThat(count("select count(*) from stores")).isEqualTo(3);
        assertThat(jdbc.sql("select latest_poll_at::text from data_versions where version = 2").query(String.class)
                .single()).isEqualTo("2023-01-22 12:01:00+00");
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
        write("store_status.csv", HEADER, "s2,active,2023-01-22 10:00:00 UTC", "s1,active,2023-01-22 10:00:00 UTC",
                "s2,inactive,2023-01-22 11:00:00 UTC");
        RunResult second = runOk();
        assertThat(file(second.runId(), "polls")).containsEntry("status", "LOADED").containsEntry("rows_read", 3)
                .containsEntry("rows_loaded", 1).containsEntry("rows_already_stored", 2);
        assertThat(count("select count(*) from polls")).isEqualTo(3);
    }

    @Test
    void anUnchangedFileAddsANewVersionWithoutNewPolls() {
        write("store_status.csv", HEADER, "s1,active,2023-01-22 10:00:00 UTC");
        runOk();
        RunResult second = runOk();
        assertThat(second.load().version()).isEqualTo(2);
        assertThat(second.load().pollsAdded()).isZero();
        assertThat(file(second.runId(), "polls")).containsEntry("status", "UNCHANGED").containsEntry("rows_read", 0);
        assertThat(jdbc.sql("select latest_poll_at::text from data_versions where version = 2").query(String.class)
                .single()).isEqualTo("2023-01-22 10:00:00+00");
    }

    @Test
    void aPollRepeatedInOneFileIsStoredOnceAndTheInactiveOneWins() {
        write("store_status.csv", HEADER, "s1,active,2023-01-22 10:00:00 UTC", "s1,inactive,2023-01-22T10:00:00Z",
                "s1,active,2023-01-22 10:00:00.000000 UTC");
        RunResult run = runOk();
        assertThat(polls("true")).containsExactly("s1,2023-01-22 10:00:00,false,1");
        assertThat(file(run.runId(), "polls")).containsEntry("rows_loaded", 1).containsEntry("rows_already_stored", 2);
    }
}
