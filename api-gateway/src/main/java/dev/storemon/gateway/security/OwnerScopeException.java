package dev.storemon.gateway.security;

/** An owner's key asked for what only the admin may ask for; answered 403 by {@link AccessErrors}. */
public class OwnerScopeException extends RuntimeException {

    /** @param message what was asked and what is allowed */
    public OwnerScopeException(String message) {
        super(message);
    }
}
