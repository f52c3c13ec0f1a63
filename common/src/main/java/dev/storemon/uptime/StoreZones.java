package dev.storemon.uptime;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;

/** Time zones as the sources write them; a store without a usable one is in {@link #DEFAULT}. */
public final class StoreZones {

    /** The zone of a store whose zone is missing or unknown. */
    public static final ZoneId DEFAULT = ZoneId.of("America/Chicago");

    private StoreZones() {}

    /**
     * Parses a zone id such as {@code America/New_York} (surrounding blanks ignored).
     *
     * @param zoneId the id as written in the source, possibly null or blank
     * @return the zone, or empty when it is missing or not a zone id that java.time knows
     */
    public static Optional<ZoneId> parse(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(zoneId.trim()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The zone a store is in.
     *
     * @param zoneId the id as written in the source, possibly null, blank or unknown
     * @return the zone, or {@link #DEFAULT}
     */
    public static ZoneId resolve(String zoneId) {
        return parse(zoneId).orElse(DEFAULT);
    }
}
