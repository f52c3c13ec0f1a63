package dev.storemon.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpochNanosTest {

    @Test
    void instantsAreExactInNanoseconds() {
        assertThat(EpochNanos.of(Instant.parse("2023-01-25T18:13:22.479220999Z")))
                .isEqualTo(1_674_670_402_479_220_999L);
        assertThat(EpochNanos.of(Instant.parse("1969-12-31T23:59:59.999999999Z")))
                .isEqualTo(-1L);
        assertThat(EpochNanos.of(Instant.EPOCH)).isZero();
    }

    @Test
    void nanosecondsGoBackToTheSameInstant() {
        for (long nanos : new long[] {0, 1, -1, 1_674_670_402_479_220_999L, -1_674_670_402_479_220_001L}) {
            assertThat(EpochNanos.of(EpochNanos.toInstant(nanos))).isEqualTo(nanos);
        }
        assertThat(EpochNanos.toInstant(-1)).isEqualTo(Instant.parse("1969-12-31T23:59:59.999999999Z"));
        assertThat(EpochNanos.toInstant(EpochMicros.toNanos(1_674_670_402_479_220L)))
                .isEqualTo(EpochMicros.toInstant(1_674_670_402_479_220L));
    }

    @Test
    void overflowIsAnErrorNotAWrongNumber() {
        assertThatThrownBy(() -> EpochNanos.of(Instant.parse("2263-01-01T00:00:00Z")))
                .isInstanceOf(ArithmeticException.class);
    }
}
