package dev.storemon.gateway.page;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Problem Details (RFC 9457) for this package's endpoints: a {@link ErrorResponseException} becomes its
 * {@code application/problem+json} body. Scoped to this package so that the older endpoints keep their own format
 * until they are converted.
 */
@RestControllerAdvice(basePackageClasses = PageProblems.class)
class PageProblems {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @ExceptionHandler(ErrorResponseException.class)
    ResponseEntity<ProblemDetail> problem(ErrorResponseException e) {
        return ResponseEntity.status(e.getStatusCode()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(e.getBody());
    }

    static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static UUID reportId(String text) {
        if (text == null || !UUID_TEXT.matcher(text.trim()).matches()) {
            throw problem(HttpStatus.BAD_REQUEST, "report_id must be a UUID such as "
                    + "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, was '" + text + "'");
        }
        return UUID.fromString(text.trim());
    }
}
