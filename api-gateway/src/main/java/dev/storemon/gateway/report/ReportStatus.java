package dev.storemon.gateway.report;

import com.fasterxml.jackson.annotation.JsonValue;

/** A report's state: stored under the constant's name, shown to clients under its wire name. */
enum ReportStatus {
    RUNNING("Running"),
    COMPLETE("Complete"),
    FAILED("Failed");

    private final String wireName;

    ReportStatus(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    String wireName() {
        return wireName;
    }
}
