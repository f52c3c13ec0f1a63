package dev.storemon.gateway.security;

import dev.storemon.gateway.web.ProblemException;
import dev.storemon.gateway.web.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The answers the security filters give themselves, before any controller: 401 (with {@code WWW-Authenticate:
 * Bearer}), 403 and 429. Each is handed to MVC's exception resolvers as a {@link ProblemException}, so the one
 * {@code ApiExceptionHandler} writes it: the same Problem Details shape, type URI and media type as every other
 * problem the API answers.
 */
final class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final HandlerExceptionResolver resolver;

    ProblemAnswers(HandlerExceptionResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void commence(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException authException) {
        Object rejected = request.getAttribute(BearerKeyFilter.REJECTED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(
                request,
                response,
                ProblemType.UNAUTHORIZED,
                rejected != null
                        ? rejected + ": send a valid key as " + "'Authorization: Bearer <key>'"
                        : "this route needs an API key: send 'Authorization: Bearer <key>'");
    }

    @Override
    public void handle(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException accessDeniedException) {
        write(
                request,
                response,
                ProblemType.FORBIDDEN,
                request.getRequestURI() + " needs the admin key; an owner's "
                        + "key may trigger and read its own reports only");
    }

    /** Headers the answer needs (WWW-Authenticate, Retry-After) are set on the response before. */
    void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail) {
        resolver.resolveException(request, response, null, new ProblemException(type, detail));
    }
}
