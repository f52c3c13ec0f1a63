package dev.storemon.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CheckedInputStream;
import java.util.zip.Checksum;

/**
 * One source file opened for reading at a fixed size (a file that grows while it is read is read up to the size it
 * had when opened; the rest is for the next run).
 */
final class SourceFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final long headerEnd;
    private final List<String> header;

    SourceFile(Path path) {
        this.path = path;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.size = channel.size();
            ByteBuffer first = ByteBuffer.allocate((int) Math.min(size, 64 * 1024));
            channel.read(first, 0);
            int newline = 0;
            while (newline < first.position() && first.get(newline) != '\n') {
                newline++;
            }
            this.headerEnd = Math.min(size, newline + 1L);
            this.header = CsvRows.header(name(), first.array(), newline);
        } catch (IOException e) {
            throw new BadSourceException(name() + ": cannot be read: " + e.getMessage(), e);
        }
    }

    String name() {
        return path.getFileName().toString();
    }

    long size() {
        return size;
    }

    long headerEnd() {
        return headerEnd;
    }

    List<String> header() {
        return header;
    }

    boolean endsWithNewline() throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        return size > 0 && channel.read(last, size - 1) == 1 && last.get(0) == '\n';
    }

    /** Feeds bytes {@code [from, to)} to a checksum. */
    void checksum(long from, long to, Checksum checksum) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        long position = from;
        while (position < to) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), to - position));
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new IOException("file shrank while being read");
            }
            checksum.update(buffer.array(), 0, n);
            position += n;
        }
    }

    /** The bytes from {@code from} to the size at opening, every byte read also fed to {@code checksum}. */
    InputStream bytes(long from, Checksum checksum) {
        return new CheckedInputStream(range(from, size), checksum);
    }

    /**
     * The bytes {@code [from, to)}, read with positional reads: several threads may each read their own range of the
     * file at once (the channel's position is not used).
     */
    InputStream range(long from, long to) {
        return new InputStream() {
            private long position = from;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (position >= to) {
                    return -1;
                }
                int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - position)), position);
                if (n < 0) {
                    throw new IOException("file shrank while being read");
                }
                position += n;
                return n;
            }
        };
    }

    /**
     * Where the line that holds byte {@code position} ends: the first byte after the next line break at or after
     * {@code position}, or the size at opening when no line break follows.
     */
    long nextLineStart(long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 12);
        long at = position;
        while (at < size) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), size - at));
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("file shrank while being read");
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    return at + i + 1;
                }
            }
            at += n;
        }
        return size;
    }

    static String hex(long value) {
        return HexFormat.of().toHexDigits(value);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
