package dev.storemon.gateway.report;

import dev.storemon.gateway.web.ProblemException;
import dev.storemon.gateway.web.ProblemType;

/** A report was asked for before any data was loaded (or without as_of on a version that holds no polls): a 409. */
class NoDataException extends ProblemException {

    NoDataException(String message) {
        super(ProblemType.NO_DATA, message);
    }
}
