package dev.storemon.gateway.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.storemon.owners.OwnerIds;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /api/keys}: whose key to make.
 *
 * @param ownerId the owner the key reports for
 */
@Schema(description = "The owner of a new API key")
record KeyRequest(
        @JsonProperty("owner_id")
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Za-z0-9._-]{1,64}$", example = "owner-17")
        @NotBlank(message = "owner_id is required: {\"owner_id\": \"...\"}")
        @Pattern(
                regexp = "[A-Za-z0-9._-]{1,64}",
                message = "owner_id must be " + OwnerIds.RULE + ", was '${validatedValue}'")
        String ownerId) {}
