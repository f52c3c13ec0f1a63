package dev.storemon.gateway.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Replaces Boot's {@code /error} fallback (its JSON names the path and its page is HTML) for errors that never reach
 * {@link ApiExceptionHandler}: a {@code sendError} from a filter or the container, an exception thrown by a filter.
 * The answer is Problem Details whatever the method or Accept header.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private final ErrorAttributes errorAttributes;

    ProblemErrorController(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is just a path that serves nothing.
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value ? value : 404);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            Throwable cause = errorAttributes.getError(new ServletWebRequest(request));
            problem = InternalErrors.problem(status, request.getMethod(), path, cause);
        } else {
            problem = problem(status, path, request.getAttribute(RequestDispatcher.ERROR_MESSAGE));
        }
        problem.setInstance(URI.create(path));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ProblemDetail problem(HttpStatusCode status, String path, Object message) {
        if (status.value() == HttpStatus.NOT_FOUND.value()) {
            return ProblemType.NOT_FOUND.problem("no such path: " + path + " (the API is described at /v3/api-docs)");
        }
        String reason = HttpStatus.resolve(status.value()) == null
                ? "error " + status.value()
                : HttpStatus.resolve(status.value()).getReasonPhrase();
        String detail =
                message == null || message.toString().isBlank() ? reason + " (" + path + ")" : message.toString();
        ProblemType type = ProblemType.forStatus(status);
        if (type == null) {
            return ProblemDetail.forStatusAndDetail(status, detail);
        }
        return type.problem(detail);
    }
}
