package dev.storemon.ingest.source;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one run did with one source file: an element of {@code ingest_runs.files} (see docs/ingest.md for the JSON),
 * read back by the next run for the {@link Source} facts. Built while the file is read by a {@link Builder}.
 *
 * @param name              the file name (or the expected name when missing)
 * @param kind              which of the sources
 * @param status            what happened to the file
 * @param note              about the whole file (why it is missing and what applies instead), or null
 * @param rowsRead          data rows parsed by this run (blank lines not counted)
 * @param rowsLoaded        rows this run stored
 * @param rowsAlreadyStored valid rows not stored because an earlier version (or an earlier row) holds them
 * @param rowsRejected      malformed rows skipped, all counted
 * @param rejections        the first rejected rows, with line and reason
 * @param warnings          the first rows loaded with a fallback
 * @param source            facts the next run compares with
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileReport(
        @JsonProperty("name") String name,
        @JsonProperty("kind") Kind kind,
        @JsonProperty("status") Status status,
        @JsonProperty("note") String note,
        @JsonProperty("rows_read") long rowsRead,
        @JsonProperty("rows_loaded") long rowsLoaded,
        @JsonProperty("rows_already_stored") long rowsAlreadyStored,
        @JsonProperty("rows_rejected") long rowsRejected,
        @JsonProperty("rejections") List<LineNote> rejections,
        @JsonProperty("warnings") List<LineNote> warnings,
        @JsonProperty("source") Source source) {

    /** The sources, in the order a run reads and records them; the owners file is optional (issue 12). */
    public enum Kind {
        @JsonProperty("polls")
        POLLS,
        @JsonProperty("hours")
        HOURS,
        @JsonProperty("zones")
        ZONES,
        @JsonProperty("owners")
        OWNERS;

        /** @return the word in the JSON and the logs: {@code polls}, {@code hours}, {@code zones}, {@code owners} */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happened to the file. */
    public enum Status {
        /** parsed whole */
        LOADED,
        /** poll file: only the tail appended since the previous load parsed */
        APPENDED,
        /** not parsed: the poll file did not grow, or hours and zones are identical to the previous version's */
        UNCHANGED,
        /** not there: defaults apply (a missing poll file fails the run instead) */
        MISSING
    }

    /**
     * A row of the file: its line (header = 1) and what is wrong with it.
     *
     * @param line   the line number
     * @param reason why it was rejected, or which fallback applies
     */
    public record LineNote(
            @JsonProperty("line") long line,
            @JsonProperty("reason") String reason) {}

    /**
     * Facts about the file that the next run compares with; informative otherwise. Polls: size, line count, CRC-32C,
     * whether the file ended with a line break, where this run started parsing. Hours and zones: size when parsed,
     * SHA-256 (absent when the file is missing).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(
            @JsonProperty("bytes") Long bytes,
            @JsonProperty("lines") Long lines,
            @JsonProperty("crc32c") String crc32c,
            @JsonProperty("ends_with_newline") Boolean endsWithNewline,
            @JsonProperty("parsed_from_byte") Long parsedFromByte,
            @JsonProperty("sha256") String sha256) {

        /** No facts (no previous load, or nothing recorded). */
        public static final Source NONE = new Source(null, null, null, null, null, null);

        static Source polls(long bytes, long lines, String crc32c, boolean endsWithNewline, long parsedFromByte) {
            return new Source(bytes, lines, crc32c, endsWithNewline, parsedFromByte, null);
        }

        /** @return these facts with a SHA-256 (hours and zones) */
        public Source withSha256(String sha256) {
            return new Source(bytes, lines, crc32c, endsWithNewline, parsedFromByte, sha256);
        }
    }

    /**
     * Collects a file's report while it is read and stored: rejected rows are all counted, the first {@code limit}
     * kept with their line and reason, warnings likewise.
     */
    public static final class Builder {

        private final Kind kind;
        private final String name;
        private final int limit;
        private Status status = Status.LOADED;
        private String note;
        private long rowsRead;
        private long rowsLoaded;
        private long rowsAlreadyStored;
        private long rowsRejected;
        private final List<LineNote> rejections = new ArrayList<>();
        private final List<LineNote> warnings = new ArrayList<>();
        private Source source = Source.NONE;

        /**
         * @param kind  which source
         * @param name  the file name (or the expected name when missing)
         * @param limit how many rejections and warnings to keep
         */
        public Builder(Kind kind, String name, int limit) {
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
                rejections.add(new LineNote(line, reason));
            }
        }

        void warn(long line, String reason) {
            if (warnings.size() < limit) {
                warnings.add(new LineNote(line, reason));
            }
        }

        /**
         * Adds the counts, rejections and warnings of a part of the file parsed on its own (in file order: parts are
         * added first to last, so the kept rejections are the file's first ones).
         *
         * @param part       the part's report, its lines numbered from 0
         * @param lineOffset the file line number of the part's first line
         */
        void add(Builder part, long lineOffset) {
            rowsRead += part.rowsRead;
            rowsRejected += part.rowsRejected;
            for (LineNote note : part.rejections) {
                if (rejections.size() < limit) {
                    rejections.add(new LineNote(note.line() + lineOffset, note.reason()));
                }
            }
            for (LineNote note : part.warnings) {
                if (warnings.size() < limit) {
                    warnings.add(new LineNote(note.line() + lineOffset, note.reason()));
                }
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

        /** @param source the facts the next run compares with */
        public void source(Source source) {
            this.source = source;
        }

        public Source source() {
            return source;
        }

        public long rowsRejected() {
            return rowsRejected;
        }

        /** @return how many valid rows were read: stored now or already stored */
        public long rowsValid() {
            return rowsRead - rowsRejected;
        }

        /** @return the report as it stands */
        public FileReport build() {
            return new FileReport(
                    name,
                    kind,
                    status,
                    note,
                    rowsRead,
                    rowsLoaded,
                    rowsAlreadyStored,
                    rowsRejected,
                    List.copyOf(rejections),
                    List.copyOf(warnings),
                    source);
        }
    }
}
