package dev.storemon.gateway.report;

import dev.storemon.gateway.web.BadRequestException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the small, flat JSON bodies of the report endpoints, naming what is wrong with them. */
final class RequestBodies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RequestBodies() {
    }

    /**
     * The body's string fields; an empty or missing body has none.
     *
     * @throws BadRequestException when the body is not a JSON object, has a field not in {@code allowed}, or a
     *                             field that is not a string
     */
    static Map<String, String> fields(String body, Set<String> allowed) {
        Map<String, String> fields = new HashMap<>();
        if (body == null || body.isBlank()) {
            return fields;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new BadRequestException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw new BadRequestException("the request body must be a JSON object with the fields " + allowed);
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw new BadRequestException("unknown field '" + field.getKey() + "' in the request body; allowed: "
                        + allowed);
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isString()) {
                throw new BadRequestException("field '" + field.getKey() + "' must be a string, was " + value);
            }
            fields.put(field.getKey(), value.asString());
        }
        return fields;
    }
}
