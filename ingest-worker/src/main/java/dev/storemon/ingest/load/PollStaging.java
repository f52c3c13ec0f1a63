package dev.storemon.ingest.load;

import dev.storemon.ingest.source.PollFileReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams polls into the {@code stage_polls} temp table with a binary {@code COPY}: no text for Postgres to parse, and
 * Postgres stores while Java parses the next rows.
 */
final class PollStaging implements PollFileReader.Sink, AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
    /** Postgres counts timestamps in microseconds from 2000-01-01T00:00:00Z. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private final CopyIn copy;
    private final Set<String> storeIds;
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private long rows;
    private long maxMicros = Long.MIN_VALUE;
    private boolean finished;

    PollStaging(CopyManager copyManager, Set<String> storeIds) throws SQLException {
        this.copy = copyManager.copyIn("copy stage_polls (store_id, ts, active) from stdin (format binary)");
        this.storeIds = storeIds;
        buffer.put(SIGNATURE).putInt(0).putInt(0);
    }

    @Override
    public void poll(String storeId, long epochMicros, boolean active) {
        byte[] id = storeId.getBytes(StandardCharsets.UTF_8);
        if (buffer.remaining() < id.length + 32) {
            flush();
        }
        buffer.putShort((short) 3).putInt(id.length).put(id).putInt(8).putLong(epochMicros - POSTGRES_EPOCH_MICROS)
                .putInt(1).put((byte) (active ? 1 : 0));
        storeIds.add(storeId);
        maxMicros = Math.max(maxMicros, epochMicros);
        rows++;
    }

    /** @return rows staged */
    long finish() throws SQLException {
        buffer.putShort((short) -1);
        flush();
        copy.endCopy();
        finished = true;
        return rows;
    }

    /** @return the latest poll staged, or {@code Long.MIN_VALUE} */
    long maxMicros() {
        return maxMicros;
    }

    private void flush() {
        try {
            copy.writeToCopy(buffer.array(), 0, buffer.position());
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into stage_polls failed: " + e.getMessage(), e);
        }
        buffer.clear();
    }

    @Override
    public void close() throws SQLException {
        if (!finished && copy.isActive()) {
            copy.cancelCopy(); // the connection must be usable again for the rollback
        }
    }
}
