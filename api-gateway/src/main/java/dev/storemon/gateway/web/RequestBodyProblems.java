package dev.storemon.gateway.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Says what is wrong with a JSON request body that could not be read, in the words the API has always used. */
final class RequestBodyProblems {

    private RequestBodyProblems() {}

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "' in the request body; allowed: "
                    + sorted(unknown.getKnownPropertyIds());
        }
        if (cause instanceof MismatchedInputException mismatch) {
            // At the root: not an object. Inside: a field of the wrong JSON type (JsonText words that one).
            return mismatch.getPath().isEmpty()
                    ? "the request body must be a JSON object with the fields " + fields(mismatch.getTargetType())
                    : mismatch.getOriginalMessage();
        }
        if (cause instanceof StreamReadException unreadable) {
            return "the request body is not valid JSON: " + unreadable.getOriginalMessage();
        }
        return "the request body could not be read as JSON";
    }

    private static List<String> sorted(Collection<Object> names) {
        return names.stream().map(String::valueOf).sorted().toList();
    }

    /** The JSON field names of a request record. */
    private static List<String> fields(Class<?> type) {
        if (type == null || !type.isRecord()) {
            return List.of();
        }
        return Arrays.stream(type.getRecordComponents())
                .map(RequestBodyProblems::jsonName)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAnnotation(JsonProperty.class);
        return property == null || property.value().isEmpty() ? component.getName() : property.value();
    }
}
