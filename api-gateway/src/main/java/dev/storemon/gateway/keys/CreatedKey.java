package dev.storemon.gateway.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new key: the only answer that ever shows it.
 *
 * @param keyId   the key's id, for listing and revoking
 * @param key     the key itself, to send as {@code Authorization: Bearer <key>}
 * @param ownerId its owner
 */
@Schema(
        description = "A new API key; the key is shown only here (only its SHA-256 is stored)",
        requiredProperties = {"key_id", "key", "owner_id"})
record CreatedKey(
        @JsonProperty("key_id") @Schema(example = "key_3q2-7wEAAAAA")
        String keyId,

        @JsonProperty("key") @Schema(description = "256 random bits, base64url")
        String key,

        @JsonProperty("owner_id") @Schema(example = "owner-17")
        String ownerId) {}
