package dev.storemon.gateway.security;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problem Details with every member RFC 9457 names: Spring 7 leaves {@code type} unset (and so unwritten) by default.
 */
public final class Problems {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private Problems() {
    }

    /**
     * @param status the HTTP status; also the title
     * @param detail what is wrong, precisely
     * @return the problem, {@code type} {@code about:blank}
     */
    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ABOUT_BLANK);
        return problem;
    }
}
