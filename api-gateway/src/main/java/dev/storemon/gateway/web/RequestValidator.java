package dev.storemon.gateway.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Validates a request record once it is complete. The report endpoints take a value from the body or, failing that,
 * from the query, so their records are validated after merging the two rather than argument by argument (a bad query
 * parameter that a body field overrides is not an error). A violation becomes a 400 in {@link ApiExceptionHandler}.
 */
@Component
public class RequestValidator {

    private final Validator validator;

    RequestValidator(Validator validator) {
        this.validator = validator;
    }

    /**
     * @param request the request, merged from body and query
     * @param <T>     its type
     * @return the same request
     * @throws ConstraintViolationException naming every violation
     */
    public <T> T valid(T request) {
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return request;
    }
}
