package dev.storemon.gateway.page;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads reports without their CSV: one by id, or the latest ones. */
@Component
class ReportHeaders {

    private static final String COLUMNS = """
            select r.id, r.status, r.requested_at, r.completed_at, r.as_of, r.data_version, r.interpolation,
                   (select count(*) from report_shards s where s.report_id = r.id) as shards_done,
                   r.shard_count, r.store_count
            from reports r
            """;

    private final JdbcClient jdbc;

    ReportHeaders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReportHeader> find(UUID id) {
        return jdbc.sql(COLUMNS + "where r.id = ?")
                .param(id)
                .query(ReportHeaders::header)
                .optional();
    }

    /** The latest {@code limit} reports, the most recently requested first. */
    List<ReportHeader> recent(int limit) {
        return jdbc.sql(COLUMNS + "order by r.requested_at desc, r.id limit ?")
                .param(limit)
                .query(ReportHeaders::header)
                .list();
    }

    private static ReportHeader header(ResultSet rs, int row) throws SQLException {
        return new ReportHeader(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                instant(rs, 3),
                instant(rs, 4),
                instant(rs, 5),
                rs.getLong(6),
                rs.getString(7),
                rs.getInt(8),
                rs.getInt(9),
                (Integer) rs.getObject(10));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
