package dev.storemon.gateway.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Text in the canonical 8-4-4-4-12 hex form of a UUID once trimmed ({@link UUID#fromString} alone also takes
 * {@code 1-1-1-1-1}); null and blank pass ({@code @NotBlank} says that one).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = UuidText.Validator.class)
public @interface UuidText {

    String message() default "must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, was '${validatedValue}'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Parses a valid value. */
    public final class Validator implements ConstraintValidator<UuidText, String> {

        private static final Pattern UUID_TEXT =
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null
                    || value.isBlank()
                    || UUID_TEXT.matcher(value.trim()).matches();
        }

        /**
         * @param value a valid value
         * @return the UUID it names
         */
        public static UUID parse(String value) {
            return UUID.fromString(value.trim());
        }
    }
}
