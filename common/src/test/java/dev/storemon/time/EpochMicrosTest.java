package dev.storemon.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EpochMicrosTest {

    @Test
    void instantsTruncateToMicrosecondsTowardsThePast() {
        assertThat(EpochMicros.of(Instant.parse("2023-01-25T18:13:22.479220999Z")))
                .isEqualTo(1_674_670_402_479_220L);
        assertThat(EpochMicros.of(Instant.parse("1969-12-31T23:59:59.999999999Z")))
                .isEqualTo(-1L);
        assertThat(EpochMicros.of(Instant.EPOCH)).isZero();
    }

    @Test
    void offsetDateTimesCountTheSameInstant() {
        OffsetDateTime chicago = OffsetDateTime.of(2023, 1, 25, 12, 13, 22, 479_220_000, ZoneOffset.ofHours(-6));
        assertThat(EpochMicros.of(chicago)).isEqualTo(EpochMicros.of(chicago.toInstant()));
    }

    @Test
    void microsecondsGoBackToTheSameInstantAndToNanoseconds() {
        for (long micros : new long[] {0, 1, -1, 1_674_670_402_479_220L, -1_674_670_402_479_221L}) {
            assertThat(EpochMicros.of(EpochMicros.toInstant(micros))).isEqualTo(micros);
            assertThat(EpochMicros.toUtc(micros).toInstant()).isEqualTo(EpochMicros.toInstant(micros));
            assertThat(EpochMicros.toNanos(micros)).isEqualTo(micros * 1_000);
        }
        assertThat(EpochMicros.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }

    @Test
    void overflowIsAnErrorNotAWrongNumber() {
        assertThatThrownBy(() -> EpochMicros.of(Instant.MAX)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> EpochMicros.toNanos(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }
}
