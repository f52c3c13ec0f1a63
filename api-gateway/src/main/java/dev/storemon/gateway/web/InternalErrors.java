package dev.storemon.gateway.web;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The answer to a failure on the server's side. The client sees a short reference and nothing of the cause (no stack
 * trace, SQL, host or file name); the operator finds the same reference in the log line, with the stack trace.
 */
final class InternalErrors {

    private static final Logger log = LoggerFactory.getLogger(InternalErrors.class);

    /** The problem member that carries the reference. */
    static final String REFERENCE = "reference";

    private InternalErrors() {}

    /**
     * Logs the failure and builds its problem.
     *
     * @param status the 5xx status to answer
     * @param method the request's method
     * @param path   the request's path
     * @param cause  what failed, or null when unknown
     * @return the problem, with a {@code reference} member
     */
    static ProblemDetail problem(HttpStatusCode status, String method, String path, Throwable cause) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("{} {} failed with {}: reference {}", method, path, status.value(), reference, cause);
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                "the server could not answer this request; " + "quote reference " + reference + " when reporting it");
        problem.setType(type.uri());
        problem.setTitle(type.title());
        problem.setProperty(REFERENCE, reference);
        return problem;
    }
}
