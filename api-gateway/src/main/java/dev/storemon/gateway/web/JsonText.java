package dev.storemon.gateway.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * A request body field that must be a JSON string: {@code 12} or {@code [1]} is refused (naming the field) rather than
 * coerced to text, as the JSON mapper would do for lenient Kafka payloads.
 */
public final class JsonText extends StdDeserializer<String> {

    public JsonText() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            return p.getString();
        }
        String field = p.currentName();
        String value = ctxt.readTree(p).toString();
        return (String) ctxt.reportInputMismatch(this, "field '%s' must be a string, was %s", field, value);
    }
}
