package dev.storemon.gateway.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access control ({@code storemon.security.*}; issue 12, docs/api.md "Access").
 *
 * @param enabled           whether API keys are required; true in {@code api-gateway.yml}, false in {@code ./storemon}
 * @param adminKey          the admin key (env {@code STOREMON_SECURITY_ADMINKEY}); required when enabled
 * @param reportsPerMinute  trigger_report calls per key in any 60 seconds before a 429
 */
@Validated
@ConfigurationProperties("storemon.security")
public record AccessProperties(
        boolean enabled,
        String adminKey,
        @DefaultValue("60") @Min(1) @Max(1_000_000) int reportsPerMinute) {

    /** The shortest admin key accepted: a guessable admin key would undo everything else. */
    static final int ADMIN_KEY_MIN_LENGTH = 16;

    /** Checked at start: with security on and no admin key nobody could create owners' keys or ingest. */
    @AssertTrue(
            message = "storemon.security.admin-key (env STOREMON_SECURITY_ADMINKEY) must be set, at least "
                    + ADMIN_KEY_MIN_LENGTH + " characters, when storemon.security.enabled is true")
    public boolean isAdminKeyConfigured() {
        return !enabled || (adminKey != null && adminKey.strip().length() >= ADMIN_KEY_MIN_LENGTH);
    }

    /** Never shows the admin key (this record may end up in a log or an error message). */
    @Override
    public String toString() {
        return "AccessProperties[enabled=" + enabled + ", adminKey=" + (adminKey == null ? "unset" : "****")
                + ", reportsPerMinute=" + reportsPerMinute + "]";
    }
}
