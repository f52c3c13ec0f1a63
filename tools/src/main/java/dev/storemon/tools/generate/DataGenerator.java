package dev.storemon.tools.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the three source files ({@code store_status.csv}, {@code menu_hours.csv}, {@code timezones.csv}) in the
 * formats of the 2023 data set, deterministically: the same options always give the same bytes.
 */
public final class DataGenerator {

    /** Poll file name. */
    public static final String POLLS_FILE = "store_status.csv";
    /** Business-hours file name. */
    public static final String HOURS_FILE = "menu_hours.csv";
    /** Time-zone file name. */
    public static final String ZONES_FILE = "timezones.csv";

    private final GeneratorOptions options;

    /**
     * A generator.
     *
     * @param options what to generate
     */
    public DataGenerator(GeneratorOptions options) {
        this.options = options;
    }

    /**
     * Writes the three files into a directory, creating it when needed and replacing files of the same names.
     *
     * @param dir the output directory
     * @return what was written
     * @throws IOException when a file cannot be written
     */
    public Summary writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        // Separate streams per file, so that a change in one file's shape does not reshuffle the others.
        List<String> ids = storeIds(new Random(options.seed()));
        long zones;
        try (Writer out = writer(dir.resolve(ZONES_FILE))) {
            zones = new ZoneWriter(new Random(options.seed() * 31 + 1)).write(ids, out);
        }
        long hours;
        try (Writer out = writer(dir.resolve(HOURS_FILE))) {
            hours = new ScheduleWriter(new Random(options.seed() * 31 + 2)).write(ids, out);
        }
        long polls;
        try (Writer out = writer(dir.resolve(POLLS_FILE))) {
            polls = new PollWriter(new Random(options.seed() * 31 + 3), options).write(ids, out);
        }
        return new Summary(ids.size(), polls, hours, zones);
    }

    private List<String> storeIds(Random random) {
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>(options.stores());
        while (ids.size() < options.stores()) {
            String id = options.uuids()
                    ? new UUID(
                                    (random.nextLong() & ~0xF000L) | 0x4000L,
                                    (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
                            .toString()
                    : Long.toString(
                            1_000_000_000_000_000_000L + Math.floorMod(random.nextLong(), 8_000_000_000_000_000_000L));
            if (seen.add(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * What a generator wrote.
     *
     * @param stores    stores
     * @param polls     poll rows
     * @param hoursRows business-hours rows
     * @param zoneRows  time-zone rows
     */
    public record Summary(long stores, long polls, long hoursRows, long zoneRows) {}
}
