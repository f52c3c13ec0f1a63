package dev.storemon.gateway.security;

import dev.storemon.gateway.web.ProblemException;
import dev.storemon.gateway.web.ProblemType;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The owner scope of reports: which stores a new report covers, and who may read a report. The admin (and everyone
 * while security is off) reports on all stores or, with {@code owner_id}, on one owner's; an owner's key reports on
 * its owner's stores only, and reads only reports triggered with its owner's keys. A report the caller may not read
 * is answered exactly as an unknown one (the controller's 404), so its existence is never confirmed.
 */
@Component
public class ReportAccess {

    private final AccessProperties properties;
    private final JdbcClient jdbc;

    ReportAccess(AccessProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** The caller of the current request: the admin while security is off. */
    public Caller caller() {
        if (!properties.enabled()) {
            return Caller.ADMIN;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return caller;
        }
        // Unreachable: the filter chain lets no unauthenticated request reach a report route.
        throw new IllegalStateException("no authenticated caller on a report route");
    }

    /**
     * The scope of a report the caller triggers.
     *
     * @param requested the validated {@code owner_id} parameter or body field, or null
     * @throws ProblemException a 403 when an owner's key asks for another owner's stores
     */
    public ReportScope forTrigger(String requested) {
        Caller caller = caller();
        if (caller.isAdmin()) {
            return new ReportScope(null, requested);
        }
        if (requested != null && !requested.equals(caller.ownerId())) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "an owner's key reports on its own stores only: " + "owner_id must be " + caller.ownerId()
                            + " or absent");
        }
        return new ReportScope(caller.keyId(), caller.ownerId());
    }

    /**
     * Whether a report covers a store: always for a report of all stores; for one owner's, when the report's pinned
     * data version gives the store to that owner (as the worker read it).
     */
    public boolean covers(UUID reportId, String storeId) {
        return jdbc.sql("""
                        select r.owner_id is null or exists (
                            select 1 from store_owners o
                            join stores s on s.store_key = o.store_key
                            join data_versions d on d.version = r.data_version
                            where o.owner_version = d.owner_version and o.owner_id = r.owner_id and s.store_id = ?)
                        from reports r where r.id = ?
                        """)
                .params(storeId, reportId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /**
     * The owner whose reports the caller may list: null for the admin (all reports).
     */
    public String listedOwner() {
        Caller caller = caller();
        return caller.isAdmin() ? null : caller.ownerId();
    }

    /** Whether the caller may read the report (false for an unknown id too). */
    public boolean maySee(UUID reportId) {
        Caller caller = caller();
        if (caller.isAdmin()) {
            return true;
        }
        return jdbc.sql("select 1 from reports where id = ? and key_id is not null and owner_id = ?")
                .params(reportId, caller.ownerId())
                .query(Integer.class)
                .optional()
                .isPresent();
    }
}
