package dev.storemon.gateway.web;

import dev.storemon.gateway.GatewayLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Turns request errors into JSON answers. */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final GatewayLimits limits;

    ApiErrors(GatewayLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<byte[]> badRequest(BadRequestException e) {
        return JsonResponses.error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /**
     * The database is unreachable or timed out (Hikari's connection timeout, also when it happens as a transaction
     * begins, which the fault suite found answering 500; statement or lock timeout): a 503 with
     * Retry-After, within the connection timeout, rather than a 500 after a hung request. Answered as Problem
     * Details like every {@link ApiProblem}.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
        log.warn("request answered 503: the database is unavailable: {}", e.getMessage());
        ApiProblem problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable",
                "the database is unavailable or too slow right now; try again later", limits.retryAfter());
        return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
    }
}
