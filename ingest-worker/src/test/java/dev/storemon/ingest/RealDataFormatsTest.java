package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storemon.ingest.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A local check of the parser on the real 2023 files, where they are present (never committed; skipped elsewhere):
 * every row of every file loads.
 */
class RealDataFormatsTest extends IngestTestSupport {

    private static final Path REAL = Path.of("/work/shared/data/loop-2023");

    @Test
    void theReal2023FilesLoadWithoutARejection() throws IOException {
        assumeTrue(Files.isDirectory(REAL), "the real data is not on this machine");
        for (String name : List.of("store_status.csv", "menu_hours.csv", "timezones.csv")) {
            Files.copy(REAL.resolve(name), SOURCE.resolve(name));
        }
        RunResult run = runOk();
        assertThat(run.load().rowsRejected()).isZero();
        assertThat(run.load().pollsAdded()
                        + ((Number) file(run.runId(), "polls").get("rows_already_stored")).longValue())
                .isEqualTo(dataLines("store_status.csv"));
        assertThat(run.load().hoursRows()).isEqualTo(dataLines("menu_hours.csv"));
        assertThat(run.load().zoneRows()).isEqualTo(dataLines("timezones.csv"));
    }

    private static long dataLines(String name) throws IOException {
        try (Stream<String> lines = Files.lines(REAL.resolve(name))) {
            return lines.skip(1).filter(line -> !line.isBlank()).count();
        }
    }
}
