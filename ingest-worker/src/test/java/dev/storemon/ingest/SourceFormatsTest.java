package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.ingest.run.RunResult;
import dev.storemon.tools.generate.DataGenerator;
import dev.storemon.tools.generate.GeneratorOptions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class SourceFormatsTest extends IngestTestSupport {

    @Test
    void fileNameVariantsAndColumnsInAnyOrder() {
        write(
                "store status.csv",
                "timestamp_utc,store_id,status",
                "2023-01-22 10:00:00.5 UTC,s1,Active",
                "2023-01-22T11:00:00Z,s1,inactive",
                "2023-01-22T13:00:00.25+02:00,s2,ACTIVE",
                "2023-01-22 12:00:00.1234567 UTC,s2,inactive");
        write("Menu hours.csv", "end_time_local,dayOfWeek,store_id,start_time_local", "17:00:00,3,s1,09:00:00");
        write("bq-results-20230125-202210-1674678181880.csv", "timezone_str,store_id", "America/Phoenix,s1");

        RunResult run = runOk();

        assertThat(polls("true"))
                .containsExactly(
                        "s1,2023-01-22 10:00:00.5,true,1",
                        "s1,2023-01-22 11:00:00,false,1",
                        "s2,2023-01-22 11:00:00.25,true,1",
                        "s2,2023-01-22 12:00:00.123456,false,1");
        assertThat(jdbc.sql("select s.store_id || ' ' || day || ' ' || start_local || '-' || end_local"
                                + " from business_hours join stores s using (store_key)")
                        .query(String.class)
                        .list())
                .containsExactly("s1 3 09:00:00-17:00:00");
        assertThat(jdbc.sql("select zone_id from store_zones")
                        .query(String.class)
                        .list())
                .containsExactly("America/Phoenix");
        assertThat(file(run.runId(), "polls")).containsEntry("name", "store status.csv");
        assertThat(file(run.runId(), "hours")).containsEntry("name", "Menu hours.csv");
        assertThat(file(run.runId(), "zones")).containsEntry("name", "bq-results-20230125-202210-1674678181880.csv");
    }

    @Test
    void aGeneratedDataSetLoadsCompletely() throws IOException {
        DataGenerator.Summary summary = new DataGenerator(GeneratorOptions.of(60, 3, 11)).writeTo(SOURCE);
        RunResult run = runOk();
        assertThat(run.load().pollsAdded()).isEqualTo(summary.polls());
        assertThat(run.load().hoursRows()).isEqualTo(summary.hoursRows());
        // the unknown zone is stored as the default, with a warning
        assertThat(run.load().zoneRows()).isEqualTo(summary.zoneRows());
        assertThat(run.load().rowsRejected()).isZero();
        assertThat(count("select count(*) from stores")).isEqualTo(summary.stores());
        assertThat(count("select count(distinct bucket) from stores")).isGreaterThan(40);
        assertThat(file(run.runId(), "zones").get("warnings").toString()).contains("America/Atlantis");
    }
}
