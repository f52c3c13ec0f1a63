package dev.storemon.gateway.web;

import org.springframework.web.ErrorResponseException;

/** A request the API answers with a problem of a known type; {@link ApiExceptionHandler} renders it. */
public class ProblemException extends ErrorResponseException {

    /**
     * @param type   the kind of problem, which fixes the status
     * @param detail what exactly is wrong, naming the parameter, value or id
     */
    public ProblemException(ProblemType type, String detail) {
        super(type.status(), type.problem(detail), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
