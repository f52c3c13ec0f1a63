package dev.storemon.gateway.report;

import dev.storemon.owners.OwnerIds;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An owner id ({@link OwnerIds}) once trimmed; null and blank pass (no owner asked for: the caller's default). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = OwnerIdText.Validator.class)
@interface OwnerIdText {

    String message() default "owner_id must be " + OwnerIds.RULE + ", was '${validatedValue}'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses a valid value. */
    final class Validator implements ConstraintValidator<OwnerIdText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || OwnerIds.isValid(value.strip());
        }

        /** @return the owner id, or null when none is asked for */
        static String parse(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
