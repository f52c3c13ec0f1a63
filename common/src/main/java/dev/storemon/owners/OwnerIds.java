package dev.storemon.owners;

import java.util.regex.Pattern;

/**
 * Owner ids (issue 12): 1 to 64 letters, digits, {@code -}, {@code _} or {@code .}, the same rule for the owners file,
 * API keys and the {@code owner_id} parameter, so an id that reaches a log line or a query is always plain.
 */
public final class OwnerIds {

    /** What an owner id may be, for messages. */
    public static final String RULE = "1 to 64 letters, digits, '-', '_' or '.'";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private OwnerIds() {}

    /**
     * @param ownerId a candidate, as given (not trimmed)
     * @return whether it is a valid owner id
     */
    public static boolean isValid(String ownerId) {
        return ownerId != null && VALID.matcher(ownerId).matches();
    }
}
