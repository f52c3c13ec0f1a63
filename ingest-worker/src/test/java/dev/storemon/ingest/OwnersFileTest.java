package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.ingest.run.RunResult;
import dev.storemon.ingest.run.Trigger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optional owners file (issue 12): loaded with its own owner_version, bad rows reported with their line. */
class OwnersFileTest extends IngestTestSupport {

    @BeforeEach
    void noOwners() {
        write(
                "store_status.csv",
                "store_id,status,timestamp_utc",
                "s1,active,2023-01-22 10:00:00 UTC",
                "s2,inactive,2023-01-22 10:00:00 UTC");
    }

    @Test
    void ownersAreLoadedAndBadRowsAreRejectedWithTheirLine() {
        write(
                "store_owners.csv",
                "store_id,owner_id",
                "s1,alice",
                "s2,bob.smith_2-x",
                "s1,bob",
                "s3,has space",
                "s4,",
                "s5," + "x".repeat(65),
                "s6," + "y".repeat(64),
                ",alice");
        RunResult run = runOk();

        assertThat(owners(run.load().version()))
                .containsExactly("s1 alice", "s2 bob.smith_2-x", "s6 " + "y".repeat(64));
        Map<String, Object> file = file(run.runId(), "owners");
        assertThat(file)
                .containsEntry("status", "LOADED")
                .containsEntry("rows_read", 8)
                .containsEntry("rows_loaded", 3)
                .containsEntry("rows_rejected", 5);
        assertThat(file.get("rejections"))
                .isEqualTo(List.of(
                        Map.of("line", 4, "reason", "store already has an owner on line 2"),
                        Map.of(
                                "line",
                                5,
                                "reason",
                                "bad owner_id 'has space': an owner id is 1 to 64 letters, digits, "
                                        + "'-', '_' or '.'"),
                        Map.of("line", 6, "reason", "missing owner_id"),
                        Map.of(
                                "line",
                                7,
                                "reason",
                                "bad owner_id '" + "x".repeat(65) + "': an owner id is 1 to 64 letters, "
                                        + "digits, '-', '_' or '.'"),
                        Map.of("line", 9, "reason", "empty store_id")));
        assertThat(run.load().rowsRejected()).isEqualTo(5);
    }

    @Test
    void anUnchangedFileKeepsItsOwnerVersionAChangedOneGetsANewOneAndAMissingOneClearsThem() {
        write("store_owners.csv", "store_id,owner_id", "s1,alice", "s2,bob");
        RunResult first = runOk();
        append("store_status.csv", "s1,active,2023-01-22 11:00:00 UTC");
        RunResult unchanged = runOk();
        write("store_owners.csv", "store_id,owner_id", "s1,bob", "s2,bob");
        RunResult changed = runOk();
        deleteOwners();
        RunResult missing = runOk();

        assertThat(ownerVersion(first)).isEqualTo(first.load().version());
        assertThat(ownerVersion(unchanged)).isEqualTo(first.load().version());
        assertThat(file(unchanged.runId(), "owners")).containsEntry("status", "UNCHANGED");
        assertThat(ownerVersion(changed)).isEqualTo(changed.load().version());
        assertThat(ownerVersion(missing)).isNull();
        assertThat(file(missing.runId(), "owners")).containsEntry("status", "MISSING");
        // what earlier versions see never changes
        assertThat(owners(first.load().version())).containsExactly("s1 alice", "s2 bob");
        assertThat(owners(unchanged.load().version())).containsExactly("s1 alice", "s2 bob");
        assertThat(owners(changed.load().version())).containsExactly("s1 bob", "s2 bob");
        assertThat(owners(missing.load().version())).isEmpty();
    }

    @Test
    void noOwnersFileMeansNoOwnersAndTheRunSucceeds() {
        RunResult run = runOk();

        assertThat(ownerVersion(run)).isNull();
        assertThat(file(run.runId(), "owners"))
                .containsEntry("status", "MISSING")
                .containsEntry("name", "store_owners.csv");
    }

    @Test
    void aHeaderWithoutOwnerIdFailsTheRunAndChangesNothing() {
        runOk();
        write("store_owners.csv", "store_id,owner", "s1,alice");
        RunResult run = runner.run(Trigger.MANUAL);

        assertThat(run.succeeded()).isFalse();
        assertThat(run.error()).contains("store_owners.csv").contains("owner_id");
        assertThat(count("select count(*) from data_versions")).isEqualTo(1);
    }

    private List<String> owners(long dataVersion) {
        return jdbc.sql("""
                select s.store_id || ' ' || o.owner_id from data_versions v
                join store_owners o on o.owner_version = v.owner_version
                join stores s on s.store_key = o.store_key
                where v.version = ? order by 1""").param(dataVersion).query(String.class).list();
    }

    private Long ownerVersion(RunResult run) {
        return jdbc.sql("select owner_version from data_versions where version = ?")
                .param(run.load().version())
                .query((rs, n) -> (Long) rs.getObject(1))
                .list()
                .get(0);
    }

    private static void deleteOwners() {
        try {
            java.nio.file.Files.delete(SOURCE.resolve("store_owners.csv"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
