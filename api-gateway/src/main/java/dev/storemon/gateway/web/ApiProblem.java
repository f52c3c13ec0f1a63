package dev.storemon.gateway.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal answered as RFC 9457 Problem Details, with a stable {@code type} and, for a temporary refusal, a
 * {@code Retry-After} header. Spring's problem handling renders it (spring.mvc.problemdetails.enabled).
 */
public class ApiProblem extends ErrorResponseException {

    /** Where problem types are documented (docs/api.md); every type URI starts with it. */
    public static final String TYPE_BASE = "https://storemon.dev/problems/";

    /**
     * @param status     the HTTP status
     * @param slug       the last part of the type URI, e.g. {@code too-many-reports}
     * @param title      short, the same for every problem of this type
     * @param detail     what exactly happened, naming values and limits
     * @param retryAfter when to try again, or null for a problem that will not go away by waiting
     */
    public ApiProblem(HttpStatus status, String slug, String title, String detail, Duration retryAfter) {
        super(status, problem(status, slug, title, detail), null);
        if (retryAfter != null) {
            getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        }
    }

    /**
     * The problem body itself, for answers written outside Spring MVC (a servlet filter).
     *
     * @return the problem
     */
    public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
