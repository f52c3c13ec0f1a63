package dev.storemon.gateway.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * An active key as listed: never the key itself.
 *
 * @param keyId     the key's id
 * @param ownerId   its owner
 * @param createdAt when it was made
 */
@Schema(
        description = "An active API key, without the key",
        requiredProperties = {"key_id", "owner_id", "created_at"})
public record KeyInfo(
        @JsonProperty("key_id") String keyId,
        @JsonProperty("owner_id") String ownerId,

        @JsonProperty("created_at") @Schema(type = "string", format = "date-time")
        Instant createdAt) {}
