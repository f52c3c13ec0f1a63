package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The request records' constraints, and their messages word for word, without a server. */
class RequestValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aReportIdIsRequiredAndMustBeACanonicalUuid() {
        assertThat(messages(new GetReportRequest(null, null)))
                .containsExactly("report_id is required (a query parameter, or {\"report_id\"} in a POST body)");
        assertThat(messages(new GetReportRequest("  ", null)))
                .containsExactly("report_id is required (a query parameter, or {\"report_id\"} in a POST body)");
        assertThat(messages(new GetReportRequest("1-1-1-1-1", null)))
                .containsExactly(
                        "report_id must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, was '1-1-1-1-1'");
        assertThat(messages(new GetReportRequest("${1+1}{x}", null)))
                .containsExactly(
                        "report_id must be a UUID such as 3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b, was '${1+1}{x}'");
        assertThat(messages(new GetReportRequest(" 3F2B8C1E-9A4D-4F6B-8E2A-1C5D7E9F0A3B ", null)))
                .isEmpty();
    }

    @Test
    void aFormatIsCsvOrJsonOrNothing() {
        String id = "3f2b8c1e-9a4d-4f6b-8e2a-1c5d7e9f0a3b";
        assertThat(messages(new GetReportRequest(id, "json"))).isEmpty();
        assertThat(messages(new GetReportRequest(id, "csv"))).isEmpty();
        assertThat(messages(new GetReportRequest(id, "xml"))).containsExactly("format must be csv or json, was 'xml'");
        assertThat(messages(new GetReportRequest(id, "JSON")))
                .containsExactly("format must be csv or json, was 'JSON'");
        assertThat(new GetReportRequest(null, "csv").overriddenBy(new GetReportRequest(id, null)))
                .isEqualTo(new GetReportRequest(id, "csv"));
    }

    @Test
    void asOfAndInterpolationAreOptionalAndParsedAsBefore() {
        assertThat(messages(new TriggerReportRequest(null, null))).isEmpty();
        assertThat(new TriggerReportRequest(" 2023-01-25T18:00:00+01:00 ", " PREVIOUS ").asOfInstant())
                .hasToString("2023-01-25T17:00:00Z");
        assertThat(messages(new TriggerReportRequest("yesterday", "sideways")))
                .containsExactly(
                        "as_of must be an ISO-8601 instant such as 2023-01-25T18:00:00Z, was 'yesterday'",
                        "interpolation must be 'nearest' or 'previous', was 'sideways'");
    }

    private static List<String> messages(Object request) {
        return validator.validate(request).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(ConstraintViolation::getMessage)
                .toList();
    }
}
