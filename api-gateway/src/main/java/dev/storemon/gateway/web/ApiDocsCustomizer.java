package dev.storemon.gateway.web;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

/**
 * What the controllers' annotations cannot say in one place: the Problem Details schema as the wire has it (the one
 * derived from Spring's {@link ProblemDetail} class shows a bogus {@code properties} member), and the problem answers
 * every operation can give (500; 415 where a body is taken).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsCustomizer {

    static final String PROBLEM_SCHEMA = "ProblemDetail";

    @Bean
    OpenApiCustomizer problemDetailsInApiDocs() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null) {
                    operation
                            .getResponses()
                            .computeIfAbsent(
                                    "415", code -> problem("The body is not JSON (Content-Type: application/json)"));
                }
                operation
                        .getResponses()
                        .computeIfAbsent(
                                "500",
                                code -> problem(
                                        "An unexpected failure; the answer carries only a reference, also in the server's log"));
            }));
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 Problem Details answer (application/problem+json)")
                .addProperty(
                        "type",
                        new StringSchema()
                                .format("uri")
                                .description("the kind of problem, one of "
                                        + ProblemType.BASE
                                        + "...: invalid-request, report-not-found, store-not-found, not-found, "
                                        + "method-not-allowed, not-acceptable, no-data, unsupported-media-type, internal-error, "
                                        + "unavailable")
                                .example(ProblemType.INVALID_REQUEST.uri().toString()))
                .addProperty(
                        "title",
                        new StringSchema()
                                .description("the kind of problem, for people")
                                .example(ProblemType.INVALID_REQUEST.title()))
                .addProperty(
                        "status",
                        new IntegerSchema().description("the HTTP status").example(400))
                .addProperty(
                        "detail",
                        new StringSchema()
                                .description("what exactly is wrong, naming the parameter, " + "value or id")
                                .example("report_id must be a UUID such as "
                                        + "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, was 'not-an-id'"))
                .addProperty(
                        "instance",
                        new StringSchema()
                                .format("uri")
                                .description("the request's path")
                                .example("/get_report"))
                .addProperty(
                        InternalErrors.REFERENCE,
                        new StringSchema()
                                .description("on a 500 only: the "
                                        + "reference of the server's log line; quote it when reporting")
                                .example("1f2e3d4c"))
                .required(List.of("type", "title", "status", "detail"));
    }
}
