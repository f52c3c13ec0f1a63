package dev.storemon.gateway.security;

/**
 * Whose report it is and which stores it covers, as recorded on the report.
 *
 * @param keyId   the owner's key that triggered it, or null (the admin key, or security off)
 * @param ownerId the owner whose stores it covers, or null for all stores
 */
public record ReportScope(String keyId, String ownerId) {

    /** All stores, triggered by the admin (or with security off). */
    public static final ReportScope ALL_STORES = new ReportScope(null, null);
}
