package dev.storemon.gateway.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Every kind of problem the API answers, each with a stable {@code type} URI (docs/api.md lists them). Clients may
 * switch on the type; the {@code detail} is for people and names the exact parameter, value or id.
 */
public enum ProblemType {

    /** A parameter or body field has a bad value, or the body cannot be read. */
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    /** No report has the id asked for. */
    REPORT_NOT_FOUND("report-not-found", HttpStatus.NOT_FOUND, "Report not found"),
    /** No active API key has the id asked for. */
    KEY_NOT_FOUND("key-not-found", HttpStatus.NOT_FOUND, "API key not found"),
    /** The report exists; the store asked for is not in it. */
    STORE_NOT_FOUND("store-not-found", HttpStatus.NOT_FOUND, "Store not in report"),
    /** No route has this path. */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    /** The route exists, not with this method. */
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    /** No answer in a media type that the Accept header allows. */
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    /** No API key, or an unknown or revoked one, on a route that needs one (security on). */
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),
    /** A valid key that may not do this: an owner's key on an admin route, or on another owner's stores. */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    /** More trigger_report calls with one key in a minute than storemon.security.reports-per-minute. */
    TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    /** No data version to report on yet. */
    NO_DATA("no-data", HttpStatus.CONFLICT, "No data yet"),
    /** A request body in a media type other than JSON. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    /** A failure on the server's side; the answer carries a reference to the log line. */
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    /** A request the server gave up on (e.g. an asynchronous request that timed out). */
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

    /** Where the problem types are documented (docs/api.md); every type URI starts with it. */
    public static final String BASE = "https://storemon.dev/problems/";

    private final URI uri;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.uri = URI.create(BASE + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /**
     * A problem of this type.
     *
     * @param detail what exactly is wrong, naming the parameter, value or id
     * @return the problem, without an instance (Spring sets the request path)
     */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(uri);
        problem.setTitle(title);
        return problem;
    }

    /**
     * The generic type of a status, for problems raised by Spring or the servlet container rather than by our code.
     *
     * @param status the HTTP status
     * @return the type, or null when none fits (the problem then keeps {@code about:blank})
     */
    static ProblemType forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> UNAVAILABLE;
            default -> status.is5xxServerError() ? INTERNAL_ERROR : null;
        };
    }
}
