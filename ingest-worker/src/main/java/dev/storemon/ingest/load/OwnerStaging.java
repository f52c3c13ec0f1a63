package dev.storemon.ingest.load;

import dev.storemon.ingest.source.FileReport;
import dev.storemon.ingest.source.OwnerFileReader;
import dev.storemon.ingest.source.ScheduleFileReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owners file in a load, versioned on its own: a complete new set of {@code store_owners} rows under
 * {@code owner_version} = the new data version when the file changed (SHA-256, "missing" counting as a value), else
 * the previous version's {@code owner_version} is reused and the file is not parsed. A missing file means no owners
 * (owner_version null), whatever an earlier load held: the source directory is the truth, and it fails closed (an
 * owner then sees no store, never someone else's).
 */
final class OwnerStaging {

    private final FileReport.Builder report;
    private final boolean reuse;
    private final boolean present;

    private OwnerStaging(FileReport.Builder report, boolean reuse, boolean present) {
        this.report = report;
        this.reuse = reuse;
        this.present = present;
    }

    /** Step 1, with the other files: parses and stages the file unless it is missing or unchanged. */
    static OwnerStaging stage(
            JdbcClient jdbc, CopyManager copy, Path dir, PreviousLoad previous, int limit, Set<String> storeIds)
            throws SQLException, IOException {
        Path file = OwnerFileReader.find(dir);
        String sha = file == null ? null : ScheduleFileReader.sha256(file);
        boolean reuse = previous.version() > 0
                && Objects.equals(sha, previous.source(FileReport.Kind.OWNERS).sha256());
        FileReport.Builder report;
        if (file == null) {
            report = new FileReport.Builder(FileReport.Kind.OWNERS, OwnerFileReader.FILE_NAME, limit);
            report.status(FileReport.Status.MISSING);
            report.note("no owners file: no store has an owner");
        } else if (reuse) {
            report = new FileReport.Builder(
                    FileReport.Kind.OWNERS, file.getFileName().toString(), limit);
            report.status(FileReport.Status.UNCHANGED);
        } else {
            jdbc.sql("create temp table stage_owners (store_id text not null, owner_id text not null) on commit drop")
                    .update();
            try (TextStaging staging = new TextStaging(copy, "stage_owners", "store_id, owner_id")) {
                report = OwnerFileReader.read(file, limit, (storeId, ownerId) -> {
                    storeIds.add(storeId);
                    staging.row(storeId, ownerId);
                });
                staging.finish();
            }
        }
        report.source(report.source().withSha256(sha));
        return new OwnerStaging(report, reuse, file != null);
    }

    FileReport.Builder report() {
        return report;
    }

    /** Whether the owners differ from the previous version's (a new file, a changed one, or one gone). */
    boolean changed() {
        return !reuse;
    }

    /**
     * Step 2, once every store has its key: stores the owners of the new version.
     *
     * @return the version's owner_version, or null when it has no owners file
     */
    Long store(JdbcClient jdbc, PreviousLoad previous, long version) {
        if (reuse) {
            return jdbc
                    .sql("select owner_version from data_versions where version = ?")
                    .param(previous.version())
                    .query((rs, n) -> (Long) rs.getObject(1))
                    .list()
                    .stream()
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElse(null);
        }
        if (!present) {
            return null;
        }
        report.stored(jdbc.sql("""
                insert into store_owners (owner_version, store_key, owner_id)
                select :v, s.store_key, o.owner_id from stage_owners o join stores s on s.store_id = o.store_id""").param("v", version).update(), 0);
        return version;
    }
}
