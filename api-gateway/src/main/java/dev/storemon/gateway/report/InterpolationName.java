package dev.storemon.gateway.report;

import dev.storemon.uptime.Interpolation;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Text that {@link Interpolation#parse} reads; null and blank pass (the default applies). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = InterpolationName.Validator.class)
@interface InterpolationName {

    String message() default "interpolation must be 'nearest' or 'previous', was '${validatedValue}'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses a valid value, NEAREST when none is given. */
    final class Validator implements ConstraintValidator<InterpolationName, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            try {
                parse(value);
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        static Interpolation parse(String value) {
            return value == null || value.isBlank() ? Interpolation.NEAREST : Interpolation.parse(value);
        }
    }
}
