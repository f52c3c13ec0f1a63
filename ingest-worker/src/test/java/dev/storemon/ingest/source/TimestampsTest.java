package dev.storemon.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-01-22 12:09:39.388884 UTC      | 2023-01-22T12:09:39.388884Z",
                "2023-01-22 12:09:39 UTC             | 2023-01-22T12:09:39Z",
                "2023-01-22 12:09:39.3 UTC           | 2023-01-22T12:09:39.300Z",
                "2023-01-22 12:09:39.38 UTC          | 2023-01-22T12:09:39.380Z",
                "2023-01-22 12:09:39.3888849999 UTC  | 2023-01-22T12:09:39.388884Z",
                "2023-01-22 23:59:59.9999999 UTC     | 2023-01-22T23:59:59.999999Z",
                "'  2023-01-22 12:09:39.388884 UTC ' | 2023-01-22T12:09:39.388884Z",
                "2023-01-22T12:09:39.388884Z         | 2023-01-22T12:09:39.388884Z",
                "2023-01-22T12:09:39Z                | 2023-01-22T12:09:39Z",
                "2023-01-22T14:09:39.5+02:00         | 2023-01-22T12:09:39.500Z",
                "2023-01-22T12:09:39.123456789Z      | 2023-01-22T12:09:39.123456Z",
                "2024-02-29 00:00:00 UTC             | 2024-02-29T00:00:00Z",
                "2000-02-29 00:00:00 UTC             | 2000-02-29T00:00:00Z",
                "1969-12-31 23:59:59.5 UTC           | 1969-12-31T23:59:59.500Z",
            })
    void parsesBothFormsToMicrosecondsTruncatingFinerFractions(String text, String expected) {
        assertThat(micros(Timestamps.epochMicros(text))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "yesterday",
                "2023-01-22 12:09:39",
                "2023-01-22 25:09:39 UTC",
                "2023-02-30 12:09:39 UTC",
                "2023-01-22 12:09:39. UTC",
                "2023-01-22 12:09:39.12a UTC",
                "2023-01-22T12:09:39",
                "2023/01/22 12:09:39 UTC",
                "2023-01-22 12:60:00 UTC",
                "2023-04-31 12:00:00 UTC",
                "2100-02-29 12:00:00 UTC",
                "2023-00-10 12:00:00 UTC",
                "2023-13-10 12:00:00 UTC",
                "2023-01-00 12:00:00 UTC"
            })
    void rejectsWhatIsNotATimestamp(String text) {
        assertThatThrownBy(() -> Timestamps.epochMicros(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad timestamp");
    }

    @Test
    void epochDaysAreLocalDatesForFourCenturies() {
        for (LocalDate date = LocalDate.of(1800, 1, 1); date.getYear() < 2200; date = date.plusDays(1)) {
            assertThat(Timestamps.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                    .as("%s", date)
                    .isEqualTo(date.toEpochDay());
        }
        assertThat(Timestamps.epochDay(0, 1, 1)).isEqualTo(LocalDate.of(0, 1, 1).toEpochDay());
    }

    private static Instant micros(long epochMicros) {
        return Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS);
    }
}
