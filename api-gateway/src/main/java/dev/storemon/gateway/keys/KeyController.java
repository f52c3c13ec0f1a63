package dev.storemon.gateway.keys;

import dev.storemon.gateway.web.ProblemException;
import dev.storemon.gateway.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Owners' API keys, for the admin only (the security configuration says so): create, list, revoke. */
@Tag(name = "keys")
@RestController
class KeyController {

    private final ApiKeys keys;

    KeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Operation(
            operationId = "createKey",
            summary = "Create an owner's API key (admin)",
            description = "The key is shown only in this answer: only its SHA-256 is stored.")
    @ApiResponse(
            responseCode = "201",
            description = "The key, once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CreatedKey.class)))
    @ApiResponse(
            responseCode = "400",
            description = "A missing or malformed owner_id, or an unreadable body",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/api/keys")
    ResponseEntity<CreatedKey> create(@Valid @RequestBody KeyRequest request) {
        CreatedKey key = keys.create(request.ownerId());
        return ResponseEntity.created(URI.create("/api/keys/" + key.keyId()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(key);
    }

    @Operation(operationId = "listKeys", summary = "The active API keys (admin): ids and owners, never the keys")
    @ApiResponse(
            responseCode = "200",
            description = "The active keys",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = KeyList.class)))
    @GetMapping("/api/keys")
    KeyList list() {
        return new KeyList(keys.active());
    }

    @Operation(
            operationId = "revokeKey",
            summary = "Revoke an API key (admin)",
            description = "The next request with the key is a 401.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @ApiResponse(
            responseCode = "404",
            description = "No active key has this id (unknown, or already revoked)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @DeleteMapping("/api/keys/{key_id}")
    ResponseEntity<Void> revoke(
            @Parameter(description = "the key_id POST /api/keys answered") @PathVariable("key_id") String keyId) {
        if (!keys.revoke(keyId)) {
            throw new ProblemException(ProblemType.KEY_NOT_FOUND, "no active API key with key_id " + keyId);
        }
        return ResponseEntity.noContent().build();
    }
}
