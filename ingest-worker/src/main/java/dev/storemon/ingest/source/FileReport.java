package dev.storemon.ingest.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run did with one source file; stored in {@code ingest_runs.files} (see docs/ingest.md for the JSON).
 * Rejected rows are all counted; the first {@code limit} are kept with their line and reason, warnings likewise.
 */
public final class FileReport {

    /** What happened to the file. */
    public enum Status { LOADED, APPENDED, UNCHANGED, MISSING, FAILED }

    private final String kind;
    private final String name;
    private final int limit;
    private Status status = Status.LOADED;
    private long rowsRead;
    private long rowsLoaded;
    private long rowsAlreadyStored;
    private long rowsRejected;
    private final List<Map<String, Object>> rejections = new ArrayList<>();
    private final List<Map<String, Object>> warnings = new ArrayList<>();
    private final Map<String, Object> source = new LinkedHashMap<>();
    private String note;

    /**
     * @param kind  {@code polls}, {@code hours} or {@code zones}
     * @param name  the file name (or the expected name when missing)
     * @param limit how many rejections and warnings to keep
     */
    public FileReport(String kind, String name, int limit) {
        this.kind = kind;
        this.name = name;
        this.limit = limit;
    }

    void read() {
        rowsRead++;
    }

    void reject(long line, String reason) {
        rowsRejected++;
        if (rejections.size() < limit) {
            rejections.add(entry(line, reason));
        }
    }

    void warn(long line, String reason) {
        if (warnings.size() < limit) {
            warnings.add(entry(line, reason));
        }
    }

    /** @param note something about the whole file (e.g. why it is missing and what applies instead) */
    public void note(String note) {
        this.note = note;
    }

    /** @param status what happened to the file */
    public void status(Status status) {
        this.status = status;
    }

    /**
     * Records the database outcome.
     *
     * @param loaded        rows this run stored
     * @param alreadyStored valid rows that an earlier version already holds
     */
    public void stored(long loaded, long alreadyStored) {
        this.rowsLoaded = loaded;
        this.rowsAlreadyStored = alreadyStored;
    }

    /**
     * Remembers facts about the file that the next run compares with (size, fingerprint).
     *
     * @param key   a snake_case name
     * @param value a JSON-friendly value
     */
    public void source(String key, Object value) {
        source.put(key, value);
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Status status() {
        return status;
    }

    public long rowsRejected() {
        return rowsRejected;
    }

    /** @return how many valid rows were read: stored now or already stored */
    public long rowsValid() {
        return rowsRead - rowsRejected;
    }

    public List<Map<String, Object>> rejections() {
        return rejections;
    }

    /** @return the JSON object stored in {@code ingest_runs.files} */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("kind", kind);
        json.put("status", status.name());
        if (note != null) {
            json.put("note", note);
        }
        json.put("rows_read", rowsRead);
        json.put("rows_loaded", rowsLoaded);
        json.put("rows_already_stored", rowsAlreadyStored);
        json.put("rows_rejected", rowsRejected);
        json.put("rejections", rejections);
        json.put("warnings", warnings);
        json.put("source", source);
        return json;
    }

    private static Map<String, Object> entry(long line, String reason) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("line", line);
        entry.put("reason", reason);
        return entry;
    }
}
