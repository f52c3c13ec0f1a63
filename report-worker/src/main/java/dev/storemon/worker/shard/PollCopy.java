package dev.storemon.worker.shard;

import dev.storemon.time.EpochMicros;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

    private PollCopy() {}

    /**
     * @param connection the transaction's connection (the copy sees its snapshot)
     * @param select     a query of exactly the three columns; COPY takes no parameters, so its values must be
     *                   literals the caller formatted from numbers and instants, never text from outside
     * @param consumer   receives each row
     */
    static void copy(Connection connection, String select, ShardReader.RowConsumer consumer) throws SQLException {
        String sql = "copy (" + select + ") to stdout (format binary)";
        try (PGCopyInputStream copy = new PGCopyInputStream(connection.unwrap(PGConnection.class), sql);
                DataInputStream in = new DataInputStream(new BufferedInputStream(copy, 1 << 16))) {
            readHeader(in);
            for (short fields = in.readShort(); fields != -1; fields = in.readShort()) {
                if (fields != 3) {
                    throw new IllegalStateException("a poll row has 3 columns, the copy sent " + fields);
                }
                field(in, 4);
                int storeKey = in.readInt();
                field(in, 8);
                long epochMicros = EpochMicros.ofPostgres(in.readLong());
                field(in, 1);
                consumer.accept(storeKey, epochMicros, in.readByte() != 0);
            }
            // Read to the end, so the copy finishes normally (closed early, it would be cancelled on the server).
            if (in.read() != -1) {
                throw new IllegalStateException("the copy sent data after its trailer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading polls with COPY failed", e);
        }
    }

    private static void readHeader(DataInputStream in) throws IOException {
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IllegalStateException("not a binary COPY stream");
        }
        in.readInt(); // flags: no OIDs in a copy of a query
        in.skipNBytes(in.readInt()); // header extension
    }

    private static void field(DataInputStream in, int length) throws IOException {
        int actual = in.readInt();
        if (actual != length) {
            throw new IllegalStateException("expected a field of " + length + " bytes, the copy sent " + actual);
        }
    }
}
