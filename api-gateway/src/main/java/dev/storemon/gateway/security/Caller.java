package dev.storemon.gateway.security;

/**
 * Who sent a request: the admin (the configured admin key, or anyone while security is off) or an owner's key.
 *
 * @param keyId   the owner's key id, or null for the admin
 * @param ownerId the owner, or null for the admin
 */
public record Caller(String keyId, String ownerId) {

    /** The admin key's holder; also every caller while security is off. */
    public static final Caller ADMIN = new Caller(null, null);

    public boolean isAdmin() {
        return ownerId == null;
    }

    /** The name a rate limit or a log line uses: the key id, or {@code admin}. */
    String name() {
        return isAdmin() ? "admin" : keyId;
    }
}
