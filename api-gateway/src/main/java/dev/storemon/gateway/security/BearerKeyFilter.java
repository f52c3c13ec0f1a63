package dev.storemon.gateway.security;

import dev.storemon.gateway.keys.ApiKeys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>}: the admin key (compared by SHA-256 in constant time) or an owner's
 * active key (looked up by its SHA-256 on every request, so a revocation applies at once). A request without a valid
 * key stays anonymous; the authorization rules then answer 401 where a key is needed. The key is never logged.
 */
final class BearerKeyFilter extends OncePerRequestFilter {

    /** Request attribute: why the presented credentials were not accepted (for the 401's detail). */
    static final String REJECTED = BearerKeyFilter.class.getName() + ".rejected";

    private static final String BEARER = "bearer ";

    private final byte[] adminKeySha256;
    private final ApiKeys keys;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerKeyFilter(String adminKey, ApiKeys keys) {
        this.adminKeySha256 = ApiKeys.sha256(adminKey.strip());
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null) {
            if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                request.setAttribute(REJECTED, "the Authorization header must be 'Bearer <key>'");
            } else {
                Optional<Caller> caller =
                        caller(header.substring(BEARER.length()).strip());
                if (caller.isPresent()) {
                    SecurityContext context = contexts.createEmptyContext();
                    context.setAuthentication(new ApiKeyAuthentication(caller.get()));
                    contexts.setContext(context);
                } else {
                    request.setAttribute(REJECTED, "the API key is unknown or revoked");
                }
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private Optional<Caller> caller(String key) {
        if (MessageDigest.isEqual(ApiKeys.sha256(key), adminKeySha256)) {
            return Optional.of(Caller.ADMIN);
        }
        return keys.find(key).map(k -> new Caller(k.keyId(), k.ownerId()));
    }
}
