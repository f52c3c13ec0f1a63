package dev.storemon.gateway.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Owners' API keys in {@code api_keys}. A key is 32 random bytes (256 bits, {@link SecureRandom}), base64url; it is
 * shown once, when created, and only its SHA-256 is stored. Every request looks its key up by that hash (an index
 * lookup), so a revoked key is refused at once by every gateway, with no cache to invalidate. Keys never reach a log
 * line: logs name the key id.
 */
@Component
public class ApiKeys {

    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** Longer than any key this class makes; a longer header is refused without hashing it. */
    private static final int MAX_KEY_LENGTH = 256;

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a key: the only moment the key is known. */
    CreatedKey create(String ownerId) {
        String keyId = "key_" + BASE64URL.encodeToString(bytes(9));
        String key = BASE64URL.encodeToString(bytes(32));
        jdbc.sql("insert into api_keys (key_id, owner_id, key_sha256) values (?, ?, ?)")
                .params(keyId, ownerId, sha256(key))
                .update();
        log.info("API key {} created for owner {}", keyId, ownerId);
        return new CreatedKey(keyId, key, ownerId);
    }

    List<KeyInfo> active() {
        return jdbc.sql("""
                        select key_id, owner_id, created_at from api_keys
                        where revoked_at is null order by created_at, key_id
                        """)
                .query((rs, n) -> new KeyInfo(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** @return whether an active key was revoked (false: unknown, or already revoked) */
    boolean revoke(String keyId) {
        boolean revoked = jdbc.sql("update api_keys set revoked_at = now() where key_id = ? and revoked_at is null")
                        .param(keyId)
                        .update()
                > 0;
        if (revoked) {
            log.info("API key {} revoked", keyId);
        }
        return revoked;
    }

    /**
     * The active key a request presents.
     *
     * @param key the key as sent
     * @return the key's record, or empty when it is unknown or revoked
     */
    public Optional<KeyInfo> find(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] hash = sha256(key);
        record Row(String keyId, String ownerId, Instant createdAt, byte[] hash) {}
        return jdbc.sql("""
                        select key_id, owner_id, created_at, key_sha256 from api_keys
                        where key_sha256 = ? and revoked_at is null
                        """)
                .param(hash)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getBytes(4)))
                .optional()
                // the index found it; the comparison that decides is a constant-time one
                .filter(row -> MessageDigest.isEqual(row.hash(), hash))
                .map(row -> new KeyInfo(row.keyId(), row.ownerId(), row.createdAt()));
    }

    /** The SHA-256 of a key's UTF-8 bytes: what is stored, and what the admin key is compared by. */
    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}
