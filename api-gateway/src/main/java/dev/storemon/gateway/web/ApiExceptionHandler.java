package dev.storemon.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place that turns every exception a request raises into an RFC 9457 answer: Spring's own (405, 415, an
 * unreadable body, an unknown path...), {@link ProblemException}s, Bean Validation failures, and anything unexpected
 * (a 500 with a reference, see {@link InternalErrors}). Each answer has a {@link ProblemType} URI and is
 * {@code application/problem+json} whatever the Accept header says. {@link ProblemErrorController} does the same for
 * errors that never reach a controller.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger unavailableLog = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final dev.storemon.gateway.GatewayLimits limits;

    ApiExceptionHandler(dev.storemon.gateway.GatewayLimits limits) {
        this.limits = limits;
    }

    /**
     * The database is unreachable or timed out (Hikari's connection timeout, also when met as a transaction begins,
     * which the fault suite found answering 500; statement or lock timeout): a 503 with Retry-After within about a
     * second, never a hung request (issue 11).
     */
    @ExceptionHandler({
        org.springframework.dao.DataAccessResourceFailureException.class,
        org.springframework.dao.TransientDataAccessException.class,
        org.springframework.transaction.CannotCreateTransactionException.class
    })
    ResponseEntity<Object> handleDatabaseUnavailable(Exception ex) {
        unavailableLog.warn("request answered 503: the database is unavailable: {}", ex.getMessage());
        ApiProblem problem = new ApiProblem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
                "the database is unavailable or too slow right now; try again later",
                limits.retryAfter());
        return ResponseEntity.status(problem.getStatusCode())
                .headers(problem.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    /** The type of a problem Spring raised without saying more than its status. */
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        String detail = ex.getConstraintViolations().stream()
                .sorted(Comparator.comparing(
                        violation -> violation.getPropertyPath().toString()))
                .map(ConstraintViolation::getMessage)
                .collect(Collectors.joining("; "));
        return handleExceptionInternal(
                ex, ProblemType.INVALID_REQUEST.problem(detail), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Everything else is our fault: a 500 that shows a reference and nothing of the cause. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        return handleExceptionInternal(ex, null, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                ex, ProblemType.INVALID_REQUEST.problem(RequestBodyProblems.describe(ex)), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String allowed = ex.getSupportedHttpMethods() == null
                ? ""
                : "; allowed: "
                        + ex.getSupportedHttpMethods().stream()
                                .map(HttpMethod::name)
                                .sorted()
                                .collect(Collectors.joining(", "));
        return handleExceptionInternal(
                ex,
                ProblemType.METHOD_NOT_ALLOWED.problem(
                        ex.getMethod() + " is not allowed on " + path(request) + allowed),
                headers,
                status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = ex.getContentType() == null
                ? "none"
                : "'" + ex.getContentType().getType() + "/"
                        + ex.getContentType().getSubtype() + "'";
        return handleExceptionInternal(
                ex,
                ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
                        "a request body must be JSON (Content-Type: application/json), was " + sent),
                headers,
                status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, notFound(request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, notFound(request), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                ex,
                ProblemType.INVALID_REQUEST.problem(messages(ex.getBindingResult().getAllErrors().stream())),
                headers,
                status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(
                ex,
                ProblemType.INVALID_REQUEST.problem(messages(ex.getAllErrors().stream())),
                headers,
                status,
                request);
    }

    /** Every answer gets its type and title; a 5xx loses its detail to a logged reference. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse response) {
            // Spring leaves the body of an ErrorResponse (a ProblemException too) to be resolved here.
            body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
        }
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            HttpServletRequest servlet = servletRequest(request);
            problem = InternalErrors.problem(status, servlet.getMethod(), servlet.getRequestURI(), ex);
        } else {
            problem = body instanceof ProblemDetail given ? given : ProblemDetail.forStatus(status);
            ProblemType type = ProblemType.forStatus(status);
            if (type != null && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
                problem.setType(type.uri());
                problem.setTitle(type.title());
            }
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** Problem Details whatever the Accept header says (a CSV client too must be able to read its error). */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders problemHeaders = HttpHeaders.copyOf(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    private static ProblemDetail notFound(WebRequest request) {
        return ProblemType.NOT_FOUND.problem(
                "no such path: " + path(request) + " (the API is described at " + "/v3/api-docs)");
    }

    private static String messages(Stream<? extends MessageSourceResolvable> errors) {
        return errors.map(MessageSourceResolvable::getDefaultMessage).sorted().collect(Collectors.joining("; "));
    }

    private static String path(WebRequest request) {
        return servletRequest(request).getRequestURI();
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
    }
}
