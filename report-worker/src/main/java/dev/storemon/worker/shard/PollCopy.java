package dev.storemon.worker.shard;

import dev.storemon.time.EpochMicros;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Streams poll rows {@code (store_key int4, ts timestamptz, active bool)} out of Postgres with
 * {@code COPY (select ...) TO STDOUT (FORMAT binary)}: the rows arrive as the server's own integers, decoded here
 * without a {@code ResultSet} or an object per row (docs/decisions.md, issue 13).
 */
final class PollCopy {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    /** A row after its field count: three (length, value) pairs, 4 + 4, 4 + 8, 4 + 1 bytes. */
    private static final int ROW_BYTES = 25;

    private PollCopy() {}

    /**
     * @param connection the transaction's connection (the copy sees its snapshot)
     * @param select     a query of exactly the three columns; COPY takes no parameters, so its values must be
     *                   literals the caller formatted from numbers and instants, never text from outside
     * @param consumer   receives each row
     */
    static void copy(Connection connection, String select, ShardReader.RowConsumer consumer) throws SQLException {
        String sql = "copy (" + select + ") to stdout (format binary)";
        try (PGCopyInputStream copy = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql)) {
            Chunks in = new Chunks(copy);
            readHeader(in);
            while (true) {
                in.need(2);
                short fields = in.bytes.getShort(in.position);
                in.position += 2;
                if (fields == -1) {
                    break;
                }
                if (fields != 3) {
                    throw new IllegalStateException("a poll row has 3 columns, the copy sent " + fields);
                }
                in.need(ROW_BYTES);
                int at = in.position;
                field(in.bytes.getInt(at), 4);
                int storeKey = in.bytes.getInt(at + 4);
                field(in.bytes.getInt(at + 8), 8);
                long epochMicros = EpochMicros.ofPostgres(in.bytes.getLong(at + 12));
                field(in.bytes.getInt(at + 20), 1);
                boolean active = in.bytes.get(at + 24) != 0;
                in.position = at + ROW_BYTES;
                consumer.accept(storeKey, epochMicros, active);
            }
            // Read to the end, so the copy finishes normally (closed early, it would be cancelled on the server).
            if (in.position != in.limit || copy.read() != -1) {
                throw new IllegalStateException("the copy sent data after its trailer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading polls with COPY failed", e);
        }
    }

    /**
     * The stream read in large chunks and decoded in place: a row's numbers are read straight from the array (a
     * {@code DataInputStream} made some twenty single-byte calls per row, 40 million for a full-size pre-warm).
     */
    private static final class Chunks {
        private final InputStream in;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16); // big-endian, as COPY writes
        private int position;
        private int limit;

        Chunks(InputStream in) {
            this.in = in;
        }

        /** Makes {@code n} bytes from {@link #position} available (moving what is left to the front first). */
        void need(int n) throws IOException {
            if (limit - position >= n) {
                return;
            }
            if (n > bytes.capacity()) {
                throw new IllegalStateException("the copy's header extension is " + n + " bytes long");
            }
            byte[] array = bytes.array();
            System.arraycopy(array, position, array, 0, limit - position);
            limit -= position;
            position = 0;
            while (limit < n) {
                int read = in.read(array, limit, array.length - limit);
                if (read < 0) {
                    throw new EOFException("the copy ended inside a row or before its trailer");
                }
                limit += read;
            }
        }
    }

    private static void readHeader(Chunks in) throws IOException {
        in.need(SIGNATURE.length + 8);
        byte[] signature = Arrays.copyOfRange(in.bytes.array(), 0, SIGNATURE.length);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IllegalStateException("not a binary COPY stream");
        }
        // then the flags (no OIDs in a copy of a query) and the header extension's length
        int extension = in.bytes.getInt(SIGNATURE.length + 4);
        in.position = SIGNATURE.length + 8;
        in.need(extension);
        in.position += extension;
    }

    private static void field(int actual, int length) {
        if (actual != length) {
            throw new IllegalStateException("expected a field of " + length + " bytes, the copy sent " + actual);
        }
    }
}
