package dev.storemon.ingest.load;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into a staging table with a CSV {@code COPY}. Values are written unquoted: store ids with a comma,
 * quote or line break were rejected before, and the other values are numbers, times and zone ids.
 */
final class TextStaging implements AutoCloseable {

    private final PGCopyOutputStream out;
    private final Writer writer;
    private long rows;
    private boolean finished;

    TextStaging(CopyManager copyManager, String table, String columns) throws SQLException {
        this.out = new PGCopyOutputStream(
                copyManager.copyIn("copy " + table + " (" + columns + ") from stdin (format csv)"));
        this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }

    void row(Object... values) {
        try {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    writer.write(',');
                }
                writer.write(String.valueOf(values[i]));
            }
            writer.write('\n');
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long finish() throws IOException, SQLException {
        writer.flush();
        out.endCopy();
        finished = true;
        return rows;
    }

    @Override
    public void close() throws SQLException {
        if (!finished && out.isActive()) {
            out.cancelCopy();
        }
    }
}
