package dev.storemon.gateway.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Serves complete reports' CSV as the immutable things they are: a strong {@code ETag} (the stored SHA-256),
 * {@code Cache-Control: immutable}, {@code 304} for a matching {@code If-None-Match}, and gzip for clients that accept
 * it. A complete report never changes, so its CSV bytes and their gzip (compressed once, when first asked for) are kept
 * in memory, least recently used evicted beyond {@link #MAX_BYTES}; a request for a cached report reads nothing from
 * Postgres and compresses nothing.
 */
@Component
class ReportDownloads {

    /** About a hundred full-size reports (532 KB of CSV + ~110 KB of gzip each). */
    static final long MAX_BYTES = 64L * 1024 * 1024;

    static final String CACHE_CONTROL = "private, max-age=31536000, immutable";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** A complete report's CSV, ready to send. */
    record Download(UUID id, String sha256, byte[] csv, byte[] gzip) {

        long bytes() {
            return csv.length + gzip.length + 200L;
        }

        String etag() {
            return '"' + sha256 + '"';
        }
    }

    private final JdbcClient jdbc;
    private final LinkedHashMap<UUID, Download> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    ReportDownloads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report's CSV when it is complete (from memory, or read once and cached); empty otherwise. */
    Optional<Download> find(UUID id) {
        Download cached = cached(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Download> read = jdbc.sql("select csv, csv_sha256 from reports where id = ? and status = 'COMPLETE'")
                .param(id)
                .query((rs, n) -> {
                    byte[] csv = rs.getString(1).getBytes(StandardCharsets.UTF_8);
                    return new Download(id, rs.getString(2), csv, gzip(csv));
                })
                .optional();
        read.ifPresent(this::put);
        return read;
    }

    /** The CSV response for {@code download}, honouring {@code If-None-Match} and {@code Accept-Encoding}. */
    ResponseEntity<Object> response(Download download, String ifNoneMatch, String acceptEncoding) {
        if (matches(ifNoneMatch, download.sha256())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(download.etag())
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
                    .build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(CSV)
                .header("X-Report-Status", "Complete")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"report-" + download.id() + ".csv\"")
                .eTag(download.etag())
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (acceptsGzip(acceptEncoding)) {
            return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(download.gzip());
        }
        return ok.body(download.csv());
    }

    /** If-None-Match uses the weak comparison (RFC 9110, 13.1.2): {@code W/"x"} matches {@code "x"}; so does *. */
    static boolean matches(String ifNoneMatch, String sha256) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals('"' + sha256 + '"')) {
                return true;
            }
        }
        return false;
    }

    /** gzip listed without {@code q=0}; or, when gzip is not named, {@code *} without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        Double gzip = null;
        Double any = null;
        for (String part : acceptEncoding.split(",")) {
            String[] fields = part.split(";");
            String coding = fields[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < fields.length; i++) {
                String parameter = fields[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = q;
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        Double chosen = gzip != null ? gzip : any;
        return chosen != null && chosen > 0;
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip in memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private synchronized Download cached(UUID id) {
        return cache.get(id);
    }

    private synchronized void put(Download download) {
        if (download.bytes() > MAX_BYTES || cache.containsKey(download.id())) {
            return;
        }
        cache.put(download.id(), download);
        bytes += download.bytes();
        Iterator<Map.Entry<UUID, Download>> oldest = cache.entrySet().iterator();
        while (bytes > MAX_BYTES && oldest.hasNext()) {
            bytes -= oldest.next().getValue().bytes();
            oldest.remove();
        }
    }
}
