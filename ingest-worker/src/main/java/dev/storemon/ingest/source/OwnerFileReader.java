package dev.storemon.ingest.source;

import dev.storemon.owners.OwnerIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the optional owners file, {@code store_owners.csv} (header {@code store_id,owner_id}): which owner each store
 * belongs to. A store has at most one owner: a second row for a store is rejected with its line, the first one counts.
 */
public final class OwnerFileReader {

    /** The file's name (case ignored when looking for it). */
    public static final String FILE_NAME = "store_owners.csv";

    /** Receives each valid row. */
    public interface OwnerSink {
        void owner(String storeId, String ownerId);
    }

    private static final List<List<String>> COLUMNS = List.of(List.of("store_id"), List.of("owner_id"));

    private OwnerFileReader() {}

    /**
     * @param dir the source directory (known to exist: {@link SourceSet#find} checked it)
     * @return the owners file in it, or null when there is none
     */
    public static Path find(Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile)
                    .filter(f ->
                            f.getFileName().toString().toLowerCase(Locale.ROOT).equals(FILE_NAME))
                    .sorted()
                    .findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /**
     * Reads the valid rows.
     *
     * @throws BadSourceException when the file cannot be read or lacks a column
     */
    public static FileReport.Builder read(Path file, int limit, OwnerSink sink) {
        Map<String, Long> seen = new HashMap<>();
        return ScheduleFileReader.read(file, FileReport.Kind.OWNERS, COLUMNS, limit, (report, line, v) -> {
            String storeId = StoreIds.trim(v[0]);
            String ownerId = v[1].strip();
            String problem = StoreIds.problem(storeId);
            if (problem == null && ownerId.isEmpty()) {
                problem = "missing owner_id";
            }
            if (problem == null && !OwnerIds.isValid(ownerId)) {
                problem = "bad owner_id '" + ownerId + "': an owner id is " + OwnerIds.RULE;
            }
            Long first = problem == null ? seen.putIfAbsent(storeId, line) : null;
            if (first != null) {
                problem = "store already has an owner on line " + first;
            }
            if (problem != null) {
                report.reject(line, problem);
            } else {
                sink.owner(storeId, ownerId);
            }
        });
    }
}
