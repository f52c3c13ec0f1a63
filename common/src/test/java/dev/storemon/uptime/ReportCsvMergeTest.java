package dev.storemon.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * A report assembled from shard fragments ({@link ReportCsv#merge}) is the report the gateway used to build by sorting
 * every store's line: the header, then one line per store in store id order.
 */
class ReportCsvMergeTest {

    @RepeatedTest(20)
    void mergingFragmentsGivesEveryLineInStoreIdOrder(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        int stores = random.nextInt(500);
        int shards = 1 + random.nextInt(20);
        List<List<StoreUptime>> byShard = new ArrayList<>();
        IntStream.range(0, shards).forEach(i -> byShard.add(new ArrayList<>()));
        List<StoreUptime> all = new ArrayList<>();
        for (int i = 0; i < stores; i++) {
            StoreUptime row = row(storeId(random) + i, random); // unique: a store is in one shard only
            all.add(row);
            byShard.get(random.nextInt(shards)).add(row);
        }

        String merged =
                ReportCsv.merge(byShard.stream().map(ReportCsv::fragment).toList());

        String expected = ReportCsv.HEADER + "\n"
                + all.stream()
                        .sorted((a, b) -> a.storeId().compareTo(b.storeId()))
                        .map(row -> ReportCsv.line(row) + "\n")
                        .collect(Collectors.joining());
        assertThat(merged).isEqualTo(expected);
    }

    @Test
    void idsThatArePrefixesOfOthersSortBeforeThem() {
        StoreUptime a = row("a", new Random(1));
        StoreUptime ab = row("a-b", new Random(2));
        StoreUptime a0 = row("a0", new Random(3));
        String merged = ReportCsv.merge(List.of(ReportCsv.fragment(List.of(a0)), ReportCsv.fragment(List.of(ab, a))));
        assertThat(merged.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))))
                .containsExactly("a", "a-b", "a0");
    }

    @Test
    void noStoresGiveTheHeaderAlone() {
        assertThat(ReportCsv.fragment(List.of())).isEmpty();
        assertThat(ReportCsv.merge(List.of("", ""))).isEqualTo(ReportCsv.HEADER + "\n");
        assertThat(ReportCsv.merge(List.of())).isEqualTo(ReportCsv.HEADER + "\n");
    }

    private static String storeId(Random random) {
        String alphabet = "0123456789abcXYZ-_.:";
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(6);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static StoreUptime row(String storeId, Random random) {
        long hour = 3_600_000_000_000L;
        long up = (long) (random.nextDouble() * hour);
        return new StoreUptime(storeId, up, hour - up, up * 20, (hour - up) * 4, up * 100, hour * 168 - up * 100);
    }
}
