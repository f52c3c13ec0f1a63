package dev.storemon.ingest.source;

/** A source that cannot be loaded at all (unreadable file, header without a required column): the run fails. */
public class BadSourceException extends RuntimeException {

    /**
     * @param message what is wrong, naming the file
     */
    public BadSourceException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the file
     * @param cause   the underlying error
     */
    public BadSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
