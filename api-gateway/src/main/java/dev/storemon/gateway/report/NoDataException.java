package dev.storemon.gateway.report;

/** A report was asked for before any data was loaded (or without as_of on a version that holds no polls). */
class NoDataException extends RuntimeException {

    NoDataException(String message) {
        super(message);
    }
}
