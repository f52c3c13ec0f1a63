package dev.storemon.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSetTest {

    @TempDir
    Path dir;

    @Test
    void findsTheNamesOfThe2023Export() throws IOException {
        touch(
                "store status.csv",
                "Menu hours.csv",
                "bq-results-20230125-202210-1674678181880.csv",
                "bq-results-20230124-000000-1.csv",
                "notes.txt");
        SourceSet sources = SourceSet.find(dir);
        assertThat(sources.polls().getFileName()).hasToString("store status.csv");
        assertThat(sources.hours().getFileName()).hasToString("Menu hours.csv");
        assertThat(sources.zones().getFileName()).hasToString("bq-results-20230125-202210-1674678181880.csv");
    }

    @Test
    void prefersTheCanonicalNames() throws IOException {
        touch(
                "store_status.csv",
                "store status.csv",
                "business_hours.csv",
                "menu_hours.csv",
                "timezones.csv",
                "store_timezones.csv",
                "bq-results-1.csv");
        SourceSet sources = SourceSet.find(dir);
        assertThat(sources.polls().getFileName()).hasToString("store_status.csv");
        assertThat(sources.hours().getFileName()).hasToString("business_hours.csv");
        assertThat(sources.zones().getFileName()).hasToString("timezones.csv");
    }

    @Test
    void missingFilesAreNull() throws IOException {
        touch("store_timezones.csv");
        SourceSet sources = SourceSet.find(dir);
        assertThat(sources.polls()).isNull();
        assertThat(sources.hours()).isNull();
        assertThat(sources.zones().getFileName()).hasToString("store_timezones.csv");
    }

    @Test
    void aMissingDirectoryIsABadSource() {
        assertThatThrownBy(() -> SourceSet.find(dir.resolve("nope")))
                .isInstanceOf(BadSourceException.class)
                .hasMessageContaining("does not exist");
    }

    private void touch(String... names) throws IOException {
        for (String name : names) {
            Files.writeString(dir.resolve(name), "x\n");
        }
    }
}
