package dev.storemon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IngestPropertiesTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theFutureToleranceIsZeroToSevenDays() {
        assertThat(violations(Duration.ZERO)).isEmpty();
        assertThat(violations(Duration.ofHours(1))).isEmpty();
        assertThat(violations(Duration.ofDays(7))).isEmpty();
        assertThat(violations(Duration.ofMinutes(-1)))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("futureTolerance");
        assertThat(violations(Duration.ofDays(8)))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("futureTolerance");
        assertThat(violations(null))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("futureTolerance");
    }

    private static Set<ConstraintViolation<IngestProperties>> violations(Duration tolerance) {
        return VALIDATOR.validate(new IngestProperties(Path.of("data"), "-", false, 100, "g", tolerance));
    }
}
