package dev.storemon.ingest.load;

import dev.storemon.time.EpochMicros;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Copies the buffered polls with a binary {@code COPY}, by store key and time and at most one per instant: either into
 * the {@code stage_polls} temp table, whose insert into {@code polls} then needs neither a join with {@code stores} nor
 * a sort, or, when none of them can be stored already, straight into {@code polls} (batched heap insertion).
 */
final class PollStaging {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private static final int ROW_BYTES = 2 + 4 + 4 + 4 + 8 + 4 + 1 + 4 + 8;

    private PollStaging() {}

    /**
     * @param keys    the store key of every store in {@code polls}
     * @param version the data version to copy them into {@code polls} with, or 0 to stage them
     * @param freeze    {@code polls} was emptied in this transaction ({@link DeferredIndexes}): its rows are written
     *                  frozen, so no later read or vacuum rewrites their pages to mark them visible
     * @return rows copied
     */
    static long copy(CopyManager copyManager, PollBuffer polls, Map<String, Integer> keys, long version, boolean freeze)
            throws SQLException {
        List<String> storeIds = polls.storeIds().stream()
                .sorted(Comparator.comparingInt(keys::get))
                .toList();
        CopyIn copy = copyManager.copyIn(
                version == 0
                        ? "copy stage_polls (store_key, ts, active) from stdin (format binary)"
                        : "copy polls (store_key, ts, active, version) from stdin (format binary"
                                + (freeze ? ", freeze)" : ")"));
        try {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            buffer.put(SIGNATURE).putInt(0).putInt(0);
            long rows = 0;
            for (String storeId : storeIds) {
                int key = keys.get(storeId);
                PollBuffer.StorePolls store = polls.of(storeId);
                store.sortUnique();
                for (int i = 0; i < store.size(); i++) {
                    if (buffer.remaining() < ROW_BYTES + 2) {
                        copy.writeToCopy(buffer.array(), 0, buffer.position());
                        buffer.clear();
                    }
                    long value = store.get(i);
                    buffer.putShort((short) (version == 0 ? 3 : 4))
                            .putInt(4)
                            .putInt(key)
                            .putInt(8)
                            .putLong(EpochMicros.toPostgres(PollBuffer.StorePolls.micros(value)))
                            .putInt(1)
                            .put((byte) (PollBuffer.StorePolls.active(value) ? 1 : 0));
                    if (version != 0) {
                        buffer.putInt(8).putLong(version);
                    }
                    rows++;
                }
            }
            buffer.putShort((short) -1);
            copy.writeToCopy(buffer.array(), 0, buffer.position());
            copy.endCopy();
            return rows;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy(); // the connection must be usable again for the rollback
            }
        }
    }
}
