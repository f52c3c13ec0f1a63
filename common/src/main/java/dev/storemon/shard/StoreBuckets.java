package dev.storemon.shard;

/**
 * Spreads stores over a fixed number of buckets, and a report's shards over contiguous ranges of buckets.
 *
 * <p>A store's bucket is stable: it depends only on the store id (through {@link String#hashCode()}, whose value the
 * Java specification fixes), so it can be computed once at ingest and stored. A shard then reads its stores with an
 * index range scan on the bucket, whatever the shard count.
 */
public final class StoreBuckets {

    /** Number of buckets; also the largest shard count a report may have. */
    public static final int COUNT = 1024;

    private StoreBuckets() {}

    /**
     * The bucket of a store id.
     *
     * @param storeId an opaque, non-null store id
     * @return a bucket in {@code [0, COUNT)}
     */
    public static int of(String storeId) {
        int h = storeId.hashCode();
        // murmur3's finalizer: digits-only ids (the 2023 data) have poorly mixed low bits.
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, COUNT);
    }

    /**
     * The buckets of one shard: shard {@code s} of {@code n} covers buckets {@code [s*COUNT/n, (s+1)*COUNT/n)}. The
     * ranges of all shards of {@code n} partition {@code [0, COUNT)}.
     *
     * @param shard      0-based shard number, less than {@code shardCount}
     * @param shardCount how many shards, 1 to {@link #COUNT}
     * @return the shard's bucket range
     */
    public static Range range(int shard, int shardCount) {
        if (shardCount < 1 || shardCount > COUNT) {
            throw new IllegalArgumentException("shard count must be 1.." + COUNT + ", was " + shardCount);
        }
        if (shard < 0 || shard >= shardCount) {
            throw new IllegalArgumentException("shard must be 0.." + (shardCount - 1) + ", was " + shard);
        }
        return new Range(shard * COUNT / shardCount, (shard + 1) * COUNT / shardCount);
    }

    /**
     * A half-open range of buckets.
     *
     * @param fromInclusive first bucket
     * @param toExclusive   one past the last bucket
     */
    public record Range(int fromInclusive, int toExclusive) {}
}
