package dev.storemon.tools.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {

    private static final DateTimeFormatter POLL_TS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS 'UTC'").withZone(java.time.ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() throws IOException {
        GeneratorOptions options = GeneratorOptions.of(150, 3, 7);
        new DataGenerator(options).writeTo(dir.resolve("a"));
        new DataGenerator(options).writeTo(dir.resolve("b"));
        new DataGenerator(GeneratorOptions.of(150, 3, 8)).writeTo(dir.resolve("c"));
        for (String file : List.of(DataGenerator.POLLS_FILE, DataGenerator.HOURS_FILE, DataGenerator.ZONES_FILE)) {
            byte[] a = Files.readAllBytes(dir.resolve("a").resolve(file));
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file)
                    .isEqualTo(a);
            assertThat(Files.readAllBytes(dir.resolve("c").resolve(file)))
                    .as(file)
                    .isNotEqualTo(a);
        }
    }

    @Test
    void filesHaveTheShapeOfThe2023Data() throws IOException {
        GeneratorOptions options = GeneratorOptions.of(300, 7, 42);
        DataGenerator.Summary summary = new DataGenerator(options).writeTo(dir);

        List<String> polls = Files.readAllLines(dir.resolve(DataGenerator.POLLS_FILE));
        assertThat(polls.get(0)).isEqualTo("store_id,status,timestamp_utc");
        assertThat(polls).hasSize((int) summary.polls() + 1);
        // roughly hourly, some polls missed: between 70% and 90% of one a store an hour
        assertThat(summary.polls()).isBetween(300L * 7 * 24 * 70 / 100, 300L * 7 * 24 * 90 / 100);
        Set<String> pollStores = new HashSet<>();
        Map<String, Integer> longestOutage = new HashMap<>();
        Map<String, Integer> currentOutage = new HashMap<>();
        for (String line : polls.subList(1, polls.size())) {
            String[] f = line.split(",");
            assertThat(f[0]).matches("[1-9][0-9]{18}");
            assertThat(f[1]).isIn("active", "inactive");
            Instant ts = Instant.from(POLL_TS.parse(f[2]));
            assertThat(ts).isBetween(options.start(), options.end());
            pollStores.add(f[0]);
            int run = f[1].equals("inactive") ? currentOutage.merge(f[0], 1, Integer::sum) : 0;
            currentOutage.put(f[0], run);
            longestOutage.merge(f[0], run, Math::max);
        }
        assertThat(pollStores).hasSize(300);
        assertThat(longestOutage.values()).as("outages lasting hours").anyMatch(n -> n >= 3);

        List<String> hours = Files.readAllLines(dir.resolve(DataGenerator.HOURS_FILE));
        assertThat(hours.get(0)).isEqualTo("store_id,day,start_time_local,end_time_local");
        Map<String, List<String[]>> byStore = hours.subList(1, hours.size()).stream()
                .map(l -> l.split(","))
                .collect(Collectors.groupingBy(f -> f[0]));
        assertThat(byStore.size()).as("some stores have no rows").isBetween(200, 299);
        List<String[]> rows = byStore.values().stream().flatMap(List::stream).toList();
        rows.forEach(f -> assertThat(Integer.parseInt(f[1])).isBetween(0, 6));
        assertThat(rows).as("overnight rows").anyMatch(f -> LocalTime.parse(f[3])
                .isBefore(LocalTime.parse(f[2])));
        assertThat(rows).as("all-day rows").anyMatch(f -> f[2].equals("00:00:00") && f[3].equals("23:59:00"));
        assertThat(rows).as("all-day rows").anyMatch(f -> f[2].equals("00:00:00") && f[3].equals("23:59:59"));
        assertThat(byStore.values())
                .as("several segments a day")
                .anyMatch(r -> r.stream().filter(f -> f[1].equals("2")).count() >= 2);

        List<String> zones = Files.readAllLines(dir.resolve(DataGenerator.ZONES_FILE));
        assertThat(zones.get(0)).isEqualTo("store_id,timezone_str");
        Set<String> zoneIds = zones.subList(1, zones.size()).stream()
                .map(l -> l.split(",")[1])
                .collect(Collectors.toSet());
        assertThat(zoneIds)
                .contains(
                        "America/New_York",
                        "America/Chicago",
                        "America/Phoenix",
                        "Pacific/Honolulu",
                        ZoneWriter.UNKNOWN_ZONE);
        assertThat(zones.size() - 1).as("some stores miss a zone").isBetween(240, 299);
        zoneIds.stream().filter(z -> !z.equals(ZoneWriter.UNKNOWN_ZONE)).forEach(ZoneId::of);
        assertThat(isKnown(ZoneWriter.UNKNOWN_ZONE)).isFalse();
    }

    @Test
    void uuidIdsOnRequest() throws IOException {
        new DataGenerator(new GeneratorOptions(20, 1, 1, GeneratorOptions.DEFAULT_END, true)).writeTo(dir);
        List<String> zones = Files.readAllLines(dir.resolve(DataGenerator.ZONES_FILE));
        assertThat(zones.get(1).split(",")[0])
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    private static boolean isKnown(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
