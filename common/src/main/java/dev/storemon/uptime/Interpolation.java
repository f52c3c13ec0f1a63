package dev.storemon.uptime;

import java.util.Locale;

/** How a store's status is extrapolated between polls. */
public enum Interpolation {

    /** Every instant takes the status of the nearest poll in time; a tie goes to the later poll. The default. */
    NEAREST,

    /** The last poll's status carries forward; before the first poll, the first poll's status carries back. */
    PREVIOUS;

    /**
     * Parses the wire name ({@code nearest} or {@code previous}, any case, surrounding blanks ignored).
     *
     * @param value the name
     * @return the mode
     * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
     */
    public static Interpolation parse(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (Interpolation mode : values()) {
                if (mode.wireName().equals(v)) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("interpolation must be 'nearest' or 'previous', was '" + value + "'");
    }

    /**
     * The name used in the API, the database and messages.
     *
     * @return {@code nearest} or {@code previous}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
