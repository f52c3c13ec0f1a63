package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storemon.gateway.GatewayTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A complete report's CSV is served as an immutable resource: strong ETag = its stored SHA-256, long-lived
 * Cache-Control, 304 for a matching If-None-Match, and gzip bytes that decompress to the exact CSV.
 */
class ReportDownloadTest extends GatewayTestBase {

    private static final Instant LATEST = Instant.parse("2023-01-25T18:13:22.479220Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private String csv;
    private String sha256;
    private UUID id;

    @BeforeEach
    void aCompleteReport() {
        truncateAll();
        insertDataVersion(3, 3, LATEST);
        StringBuilder text = new StringBuilder("store_id,uptime_last_hour,uptime_last_day,uptime_last_week,"
                + "downtime_last_hour,downtime_last_day,downtime_last_week\n");
        for (int i = 0; i < 2000; i++) {
            text.append("store-")
                    .append(i)
                    .append(",60.00,20.50,100.25,0.00,3.50,")
                    .append(i % 97)
                    .append(".75\n");
        }
        csv = text.toString();
        sha256 = ReportCompleter.sha256(csv);
        id = UUID.randomUUID();
        jdbc.sql("""
                        insert into reports (id, status, requested_at, as_of, data_version, interpolation, shard_count,
                                             csv, csv_sha256, store_count, completed_at)
                        values (?, 'COMPLETE', now(), ?, 3, 'nearest', 4, ?, ?, 2000, now())
                        """).params(id, LATEST.atOffset(ZoneOffset.UTC), csv, sha256).update();
    }

    @Test
    void theEtagIsTheStoredSha256AndTheReportIsImmutable() throws Exception {
        for (String path : new String[] {"/get_report", "/api/get_report"}) {
            HttpResponse<byte[]> response = send(path, "Accept", "text/csv");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(csv);
            assertThat(response.headers().firstValue("ETag")).hasValue('"' + sha256 + '"');
            assertThat(ReportCompleter.sha256(new String(response.body(), StandardCharsets.UTF_8)))
                    .isEqualTo(sha256);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=31536000, immutable");
            assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(response.headers().firstValue("X-Report-Status")).hasValue("Complete");
        }
    }

    @Test
    void aMatchingIfNoneMatchIsNotModified() throws Exception {
        HttpResponse<byte[]> matching = send("/get_report", "If-None-Match", '"' + sha256 + '"');
        HttpResponse<byte[]> weakInAList = send("/get_report", "If-None-Match", "\"other\", W/\"" + sha256 + '"');
        HttpResponse<byte[]> other = send("/get_report", "If-None-Match", "\"" + sha256.substring(1) + "0\"");

        for (HttpResponse<byte[]> response : java.util.List.of(matching, weakInAList)) {
            assertThat(response.statusCode()).isEqualTo(304);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().firstValue("ETag")).hasValue('"' + sha256 + '"');
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=31536000, immutable");
        }
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(new String(other.body(), StandardCharsets.UTF_8)).isEqualTo(csv);
    }

    @Test
    void gzipDecompressesToTheExactCsv() throws Exception {
        HttpResponse<byte[]> first = send("/get_report", "Accept-Encoding", "gzip, deflate, br");
        HttpResponse<byte[]> second = send("/api/get_report", "Accept-Encoding", "br;q=1.0, gzip;q=0.5");
        HttpResponse<byte[]> refused = send("/get_report", "Accept-Encoding", "gzip;q=0, identity");

        for (HttpResponse<byte[]> response : java.util.List.of(first, second)) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(response.headers().firstValue("ETag")).hasValue('"' + sha256 + '"');
            assertThat(response.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(response.body().length).isLessThan(csv.length() / 3);
            assertThat(gunzip(response.body())).isEqualTo(csv.getBytes(StandardCharsets.UTF_8));
        }
        // Compressed once: the same bytes for every request.
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(csv);
    }

    @Test
    void servedFromMemoryOnceRead() throws Exception {
        assertThat(send("/get_report").statusCode()).isEqualTo(200);
        // A complete report never changes; had the gateway read Postgres again, it would answer this.
        jdbc.sql("update reports set csv = 'changed' where id = ?").param(id).update();

        assertThat(new String(send("/get_report").body(), StandardCharsets.UTF_8))
                .isEqualTo(csv);
    }

    private HttpResponse<byte[]> send(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path + "?report_id=" + id))
                .GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
