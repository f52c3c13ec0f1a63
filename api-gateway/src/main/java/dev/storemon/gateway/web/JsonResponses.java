package dev.storemon.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON bodies with an explicit content type, so that an answer is JSON whatever the client's Accept header says
 * (a CSV client still gets a readable 202, 404 or 400).
 */
public final class JsonResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonResponses() {
    }

    /**
     * A JSON response.
     *
     * @param status the HTTP status
     * @param body   any value Jackson can write (maps keep their order)
     * @return the response
     */
    public static ResponseEntity<byte[]> json(HttpStatus status, Object body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsBytes(body));
    }

    /**
     * An error response: {@code {"error": message}}.
     *
     * @param status  the HTTP status
     * @param message what is wrong, naming the field or parameter
     * @return the response
     */
    public static ResponseEntity<byte[]> error(HttpStatus status, String message) {
        return json(status, java.util.Map.of("error", message));
    }
}
