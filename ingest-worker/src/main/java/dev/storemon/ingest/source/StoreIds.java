package dev.storemon.ingest.source;

/**
 * The store id rule, the same for the three files: 1 to 128 characters of ASCII letters, digits, {@code -}, {@code _},
 * {@code .} and {@code :}, not starting with {@code -}. So no id can be a spreadsheet formula ({@code =}, {@code +},
 * {@code @}, {@code -}, tab, CR...) or need quoting in the report CSV, which writes ids as they are.
 */
final class StoreIds {

    static final int MAX_LENGTH = 128;

    private StoreIds() {}

    /**
     * A store id as the file writes it, without surrounding spaces. Only spaces: a tab or another control character
     * stays and is then rejected (a leading tab is a way to hide a formula from a spreadsheet).
     */
    static String trim(String raw) {
        int from = 0;
        int to = raw.length();
        while (from < to && raw.charAt(from) == ' ') {
            from++;
        }
        while (to > from && raw.charAt(to - 1) == ' ') {
            to--;
        }
        return from == 0 && to == raw.length() ? raw : raw.substring(from, to);
    }

    /**
     * Checks a store id (already {@link #trim trimmed}). A plain char loop: it runs for every row.
     *
     * @return the reason it is not acceptable, or null
     */
    static String problem(String storeId) {
        int length = storeId.length();
        if (length == 0) {
            return "empty store_id";
        }
        if (length > MAX_LENGTH) {
            return "store_id longer than " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < length; i++) {
            char c = storeId.charAt(i);
            if (!allowed(c)) {
                return "store_id contains " + describe(c) + " (allowed: letters, digits, '-', '_', '.', ':')";
            }
        }
        if (storeId.charAt(0) == '-') {
            return "store_id starts with '-'";
        }
        return null;
    }

    /**
     * The same rule over bytes (already trimmed), without a {@code String}: true exactly when {@link #problem} of
     * their text is null (an accepted id is ASCII, one byte a character; any other byte is refused).
     */
    static boolean acceptable(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_LENGTH || bytes[from] == '-') {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!allowed(bytes[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '.'
                || c == ':'
                || c == '-';
    }

    private static String describe(char c) {
        return c > ' ' && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
