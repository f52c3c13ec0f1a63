package dev.storemon.ingest.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The accepted store ids of one part of the poll file, each checked and made a {@code String} once: a full file names
 * ~10,000 stores in ~2M lines, so looking the bytes up here instead of checking and decoding them per line saves most
 * of the parse's work and garbage. Open addressing over the ids' bytes; accepted ids are ASCII, a byte a character.
 */
final class StoreIdTable {

    private byte[][] keys = new byte[1 << 12][];
    private String[] ids = new String[keys.length];
    private int size;

    /**
     * @return the id of bytes {@code [from, to)} (trimmed): the same instance for the same bytes; null when
     *     {@link StoreIds#acceptable} refuses it
     */
    String id(byte[] bytes, int from, int to) {
        int hash = hash(bytes, from, to);
        int mask = keys.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                return StoreIds.acceptable(bytes, from, to) ? add(slot, bytes, from, to) : null;
            }
            if (Arrays.equals(key, 0, key.length, bytes, from, to)) {
                return ids[slot];
            }
        }
    }

    private String add(int slot, byte[] bytes, int from, int to) {
        String id = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        keys[slot] = Arrays.copyOfRange(bytes, from, to);
        ids[slot] = id;
        if (++size * 2 > keys.length) {
            grow();
        }
        return id;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldIds = ids;
        keys = new byte[oldKeys.length * 2][];
        ids = new String[keys.length];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            byte[] key = oldKeys[i];
            if (key != null) {
                int slot = hash(key, 0, key.length) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = key;
                ids[slot] = oldIds[i];
            }
        }
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }
}
