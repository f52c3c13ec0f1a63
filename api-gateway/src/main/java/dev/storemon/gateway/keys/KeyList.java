package dev.storemon.gateway.keys;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * {@code GET /api/keys}.
 *
 * @param keys the active keys, oldest first
 */
@Schema(description = "The active API keys, oldest first", requiredProperties = "keys")
record KeyList(@JsonProperty("keys") List<KeyInfo> keys) {}
