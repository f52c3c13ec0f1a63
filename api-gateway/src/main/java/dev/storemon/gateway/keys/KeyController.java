package dev.storemon.gateway.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storemon.gateway.security.Problems;
import dev.storemon.owners.OwnerIds;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Owners' API keys, for the admin only (the security configuration says so): create, list, revoke. */
@RestController
class KeyController {

    private final ApiKeys keys;

    KeyController(ApiKeys keys) {
        this.keys = keys;
    }

    /** {@code POST /api/keys} body. */
    record KeyRequest(@JsonProperty("owner_id") String ownerId) {
    }

    /** The new key: shown in this answer only. */
    record CreatedKey(@JsonProperty("key_id") String keyId, @JsonProperty("key") String key,
            @JsonProperty("owner_id") String ownerId) {
    }

    /** A key as listed: never the key itself. */
    record KeyInfo(@JsonProperty("key_id") String keyId, @JsonProperty("owner_id") String ownerId,
            @JsonProperty("created_at") Instant createdAt) {
    }

    /** {@code GET /api/keys}. */
    record KeyList(@JsonProperty("keys") List<KeyInfo> keys) {
    }

    /** A problem of this controller's requests. */
    static final class KeyRequestException extends RuntimeException {
        private final HttpStatus status;

        KeyRequestException(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }
    }

    @Operation(summary = "Create an owner's API key (admin)", description = "Body {\"owner_id\"}; answers 201 "
            + "{\"key_id\", \"key\", \"owner_id\"}. The key is shown only here: only its SHA-256 is stored.")
    @PostMapping("/api/keys")
    ResponseEntity<CreatedKey> create(@RequestBody KeyRequest request) {
        String ownerId = request.ownerId();
        if (ownerId == null || ownerId.isBlank()) {
            throw new KeyRequestException(HttpStatus.BAD_REQUEST, "owner_id is required: {\"owner_id\": \"...\"}");
        }
        if (!OwnerIds.isValid(ownerId)) {
            throw new KeyRequestException(HttpStatus.BAD_REQUEST, "owner_id must be " + OwnerIds.RULE + ", was '"
                    + ownerId + "'");
        }
        ApiKeys.NewKey key = keys.create(ownerId);
        return ResponseEntity.created(URI.create("/api/keys/" + key.keyId()))
                .body(new CreatedKey(key.keyId(), key.key(), key.ownerId()));
    }

    @Operation(summary = "List the active API keys (admin): ids and owners, never the keys")
    @GetMapping("/api/keys")
    KeyList list() {
        return new KeyList(keys.active().stream()
                .map(k -> new KeyInfo(k.keyId(), k.ownerId(), k.createdAt()))
                .toList());
    }

    @Operation(summary = "Revoke an API key (admin)", description = "204; the next request with the key is a 401. "
            + "404 for an unknown or already revoked key id.")
    @DeleteMapping("/api/keys/{keyId}")
    ResponseEntity<Void> revoke(@PathVariable String keyId) {
        if (!keys.revoke(keyId)) {
            throw new KeyRequestException(HttpStatus.NOT_FOUND, "no active API key with key_id " + keyId);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(KeyRequestException.class)
    ProblemDetail problem(KeyRequestException e) {
        return Problems.of(e.status, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return Problems.of(HttpStatus.BAD_REQUEST,
                "the request body must be a JSON object {\"owner_id\": \"...\"}");
    }
}
