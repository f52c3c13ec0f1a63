package dev.storemon.tools.generate;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Random;

/**
 * Owners of the stores ({@code store_owners.csv}): one owner per 25 stores or so, {@code owner-1}, {@code owner-2}...,
 * of uneven sizes; a few stores have no owner (only an admin's report shows them).
 */
final class OwnerWriter {

    private static final int STORES_PER_OWNER = 25;

    private final Random random;

    OwnerWriter(Random random) {
        this.random = random;
    }

    long write(List<String> ids, Writer out) throws IOException {
        out.write("store_id,owner_id\n");
        int owners = Math.max(1, ids.size() / STORES_PER_OWNER);
        long rows = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (random.nextInt(100) < 5) {
                continue;
            }
            // squared: low-numbered owners have more stores
            double r = random.nextDouble();
            int owner = 1 + (int) (r * r * owners);
            out.write(ids.get(i) + ",owner-" + owner + "\n");
            rows++;
        }
        return rows;
    }
}
