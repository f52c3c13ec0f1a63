package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.storemon.gateway.GatewayTestBase;
import dev.storemon.messages.Topics;
import dev.storemon.testing.TestKafka;
import dev.storemon.uptime.ReportCsv;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * No report stays Running forever: the sweeper (every second in tests) completes a report whose shards are all stored
 * but whose completion was missed, and fails one that runs past the timeout (3 minutes in tests).
 */
class ReportSweeperTest extends GatewayTestBase {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final Instant AS_OF = Instant.parse("2023-01-25T18:00:00Z");

    @BeforeEach
    void oneDataVersion() {
        truncateAll();
        insertDataVersion(5, 5, AS_OF);
    }

    @Test
    void aReportWhoseShardsAreAllStoredIsCompletedEvenWithoutShardEvents() {
        UUID id = insertRunning(Instant.now(), 2);
        // Shards written straight into the database, their stores interleaved in id order; no event is sent.
        insertShard(id, 0, "B-10,0.00,0.00,0.00,60.00,24.00,168.00\n");
        insertShard(id, 1, "a,12.34,1.00,7.00,47.66,2.00,3.00\n" + "b-2,60.00,23.50,100.25,0.00,0.50,67.75\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("COMPLETE"));

        String expected = ReportCsv.HEADER + "\n"
                + "B-10,0.00,0.00,0.00,60.00,24.00,168.00\n"
                + "a,12.34,1.00,7.00,47.66,2.00,3.00\n"
                + "b-2,60.00,23.50,100.25,0.00,0.50,67.75\n";
        assertThat(get("/get_report?report_id=" + id).body()).isEqualTo(expected);
        Map<String, Object> event = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestKafka.readAll(Topics.REPORT_COMPLETED).stream()
                                .map(r -> PLAIN.readValue(r.value(), new TypeReference<Map<String, Object>>() {}))
                                .filter(m -> id.toString().equals(m.get("report_id")))
                                .toList(),
                        events -> events.size() == 1)
                .get(0);
        assertThat(event)
                .containsEntry("store_count", 3)
                .containsEntry("data_version", 5)
                .containsEntry("as_of", AS_OF.toString())
                .containsEntry("csv_sha256", ReportCompleter.sha256(expected));
    }

    @Test
    void aReportRunningPastTheTimeoutIsFailed() {
        UUID stale = insertRunning(Instant.now().minus(Duration.ofMinutes(4)), 16);
        UUID fresh = insertRunning(Instant.now(), 16);

        await().atMost(Duration.ofSeconds(20)).until(() -> status(stale).equals("FAILED"));

        assertThat(PLAIN.readTree(get("/get_report?report_id=" + stale).body())
                        .get("error")
                        .asString())
                .isEqualTo("timed out: not all shards were done within PT3M");
        assertThat(status(fresh)).isEqualTo("RUNNING");
    }

    private UUID insertRunning(Instant requestedAt, int shards) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count)
                        values (?, 'RUNNING', ?, ?, 5, 'nearest', ?)
                        """)
                .params(id, requestedAt.atOffset(ZoneOffset.UTC), AS_OF.atOffset(ZoneOffset.UTC), shards)
                .update();
        return id;
    }

    private void insertShard(UUID id, int shard, String csv) {
        jdbc.sql("""
                        insert into report_shards (report_id, shard, store_count, completed_at, csv)
                        values (?, ?, ?, now(), ?)
                        """).params(id, shard, csv.lines().count(), csv).update();
    }

    private String status(UUID id) {
        return jdbc.sql("select status from reports where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }
}
