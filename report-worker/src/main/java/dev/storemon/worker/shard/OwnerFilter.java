package dev.storemon.worker.shard;

import java.util.Arrays;

/**
 * Narrows a shard's store queries to one owner's stores, as the pinned data version's owners say (issue 12), so that
 * a worker reads nothing of the other stores. For a report of all stores it adds nothing to the queries. A version
 * without an owners file has a null owner_version: the filter then matches no store.
 *
 * @param ownerId     the owner, or null for all stores
 * @param dataVersion the pinned data version, whose owner_version is used
 */
record OwnerFilter(String ownerId, long dataVersion) {

    private static final String SQL = """

            and s.store_key in (select o.store_key from store_owners o
                                where o.owner_version = (select owner_version from data_versions where version = ?)
                                  and o.owner_id = ?)
            """;

    /** Every store: no condition. */
    static final OwnerFilter ALL_STORES = new OwnerFilter(null, 0);

    static OwnerFilter of(String ownerId, long dataVersion) {
        return new OwnerFilter(ownerId, dataVersion);
    }

    /** The condition to append after the last {@code where} condition, or "" for all stores. */
    String sql() {
        return ownerId == null ? "" : SQL;
    }

    /** The query's parameters followed by the filter's own, which come last in the query. */
    Object[] withParams(Object... params) {
        if (ownerId == null) {
            return params;
        }
        Object[] all = Arrays.copyOf(params, params.length + 2);
        all[params.length] = dataVersion;
        all[params.length + 1] = ownerId;
        return all;
    }
}
