package dev.storemon.ingest.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The three source files found in a directory, under the names people actually use. A file that is not there is
 * null.
 *
 * @param dir   the source directory
 * @param polls {@code store_status.csv} or {@code store status.csv}
 * @param hours {@code business_hours.csv}, {@code menu_hours.csv} or {@code Menu hours.csv}
 * @param zones {@code timezones.csv}, {@code store_timezones.csv} or {@code bq-results-*.csv}
 */
public record SourceSet(Path dir, Path polls, Path hours, Path zones) {

    private static final List<String> POLL_NAMES = List.of("store_status.csv", "store status.csv");
    private static final List<String> HOURS_NAMES = List.of("business_hours.csv", "menu_hours.csv", "menu hours.csv");
    private static final List<String> ZONE_NAMES = List.of("timezones.csv", "store_timezones.csv");

    /**
     * Looks for the files (names compared ignoring case; the first name in each list wins when several exist, and
     * among {@code bq-results-*.csv} files the alphabetically last, i.e. the newest export).
     *
     * @param dir the source directory
     * @return what was found
     * @throws BadSourceException when the directory does not exist or cannot be listed
     */
    public static SourceSet find(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new BadSourceException("source directory " + dir.toAbsolutePath() + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        Path zones = named(files, ZONE_NAMES);
        if (zones == null) {
            zones = files.stream()
                    .filter(nameMatches(n -> n.startsWith("bq-results-") && n.endsWith(".csv")))
                    .reduce((first, second) -> second)
                    .orElse(null);
        }
        return new SourceSet(dir, named(files, POLL_NAMES), named(files, HOURS_NAMES), zones);
    }

    private static Path named(List<Path> files, List<String> names) {
        for (String name : names) {
            for (Path file : files) {
                if (lowerName(file).equals(name)) {
                    return file;
                }
            }
        }
        return null;
    }

    private static Predicate<Path> nameMatches(Predicate<String> test) {
        return file -> test.test(lowerName(file));
    }

    private static String lowerName(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT);
    }
}
