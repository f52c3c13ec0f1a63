package dev.storemon.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 403 Problem Details for an owner's request beyond its scope. First, so that no catch-all handler turns it into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessErrors {

    @ExceptionHandler(OwnerScopeException.class)
    ProblemDetail forbidden(OwnerScopeException e) {
        return Problems.of(HttpStatus.FORBIDDEN, e.getMessage());
    }
}
