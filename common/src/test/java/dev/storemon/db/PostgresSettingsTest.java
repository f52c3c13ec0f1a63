package dev.storemon.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docker-compose.yml starts Postgres with exactly the settings the embedded Postgres of standalone and tests use. */
class PostgresSettingsTest {

    private static final Path COMPOSE =
            Path.of(System.getProperty("storemon.repository-root", ".."), "docker-compose.yml");

    @Test
    void dockerComposePassesTheRecommendedSettings() throws IOException {
        String compose = Files.readString(COMPOSE);
        // The postgres service's command: a flow sequence that may span lines, up to its closing bracket.
        Matcher service = Pattern.compile("(?m)^  postgres:\\n(?:(?!^  \\S).*\\n)*?    command: \\[([^\\]]*)]")
                .matcher(compose);
        assertThat(service.find())
                .as("the postgres service's command in %s", COMPOSE)
                .isTrue();
        Map<String, String> settings = new LinkedHashMap<>();
        Matcher option = Pattern.compile("\"-c\",\\s*\"([a-z_]+)=([^\"]*)\"").matcher(service.group(1));
        while (option.find()) {
            settings.put(option.group(1), option.group(2));
        }

        assertThat(settings).containsExactlyEntriesOf(PostgresSettings.RECOMMENDED);
    }
}
