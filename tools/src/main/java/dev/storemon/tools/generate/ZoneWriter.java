package dev.storemon.tools.generate;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Random;

/** Time zones across the US, weighted roughly like the 2023 data; some stores have none, one has an unknown zone. */
final class ZoneWriter {

    private static final String[] ZONES = {
        "America/New_York", "America/Los_Angeles", "America/Chicago", "America/Phoenix", "America/Denver",
        "America/Detroit", "America/Indiana/Indianapolis", "America/Boise", "America/Anchorage", "Pacific/Honolulu"
    };
    private static final int[] WEIGHTS = {52, 22, 12, 4, 3, 2, 2, 1, 1, 1};
    /** A zone id java.time does not know: the store falls back to the default zone. */
    static final String UNKNOWN_ZONE = "America/Atlantis";

    private final Random random;

    ZoneWriter(Random random) {
        this.random = random;
    }

    long write(List<String> ids, Writer out) throws IOException {
        out.write("store_id,timezone_str\n");
        long rows = 0;
        for (int i = 0; i < ids.size(); i++) {
            String zone = zoneOf(i);
            if (zone != null) {
                out.write(ids.get(i) + "," + zone + "\n");
                rows++;
            }
        }
        return rows;
    }

    private String zoneOf(int store) {
        int roll = random.nextInt(100);
        // A few fixed stores make sure that even a small sample has the cases that matter.
        switch (store) {
            case 1:
                return "America/Phoenix";
            case 2:
                return "Pacific/Honolulu";
            case 3:
                return null;
            case 4:
                return UNKNOWN_ZONE;
            default:
                break;
        }
        if (roll < 8) {
            return null;
        }
        int pick = random.nextInt(100);
        for (int z = 0; z < ZONES.length; z++) {
            pick -= WEIGHTS[z];
            if (pick < 0) {
                return ZONES[z];
            }
        }
        return ZONES[0];
    }
}
