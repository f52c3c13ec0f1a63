package dev.storemon.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by its API key. The key itself is not kept: the principal is the {@link Caller}. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    static final String ADMIN = "ROLE_ADMIN";
    static final String OWNER = "ROLE_OWNER";

    private final Caller caller;

    ApiKeyAuthentication(Caller caller) {
        super(List.of(new SimpleGrantedAuthority(caller.isAdmin() ? ADMIN : OWNER)));
        this.caller = caller;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Caller getPrincipal() {
        return caller;
    }
}
