package dev.storemon.gateway.report;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Text that {@link Instant#parse} reads once trimmed (offsets allowed); null and blank pass (the default applies). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoInstant.Validator.class)
@interface IsoInstant {

    String message() default "must be an ISO-8601 instant such as 2023-01-25T18:00:00Z, was '${validatedValue}'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses a valid value; the one place the API turns text into an instant. */
    final class Validator implements ConstraintValidator<IsoInstant, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                parse(value);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }

        static Instant parse(String value) {
            return value == null || value.isBlank() ? null : Instant.parse(value.trim());
        }
    }
}
