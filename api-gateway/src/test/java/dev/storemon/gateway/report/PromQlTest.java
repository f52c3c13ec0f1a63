package dev.storemon.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricNamesOfAnExpressionAndNothingElse() {
        assertThat(PromQl.metricNames(
                        "histogram_quantile(0.95, sum by (le) (rate(storemon_report_duration_seconds_bucket"
                                + "{outcome=\"complete\"}[$__rate_interval])))"))
                .containsExactly("storemon_report_duration_seconds_bucket");
        assertThat(PromQl.metricNames("time() - max(storemon_data_latest_poll_timestamp_seconds)"))
                .containsExactly("storemon_data_latest_poll_timestamp_seconds");
        assertThat(PromQl.metricNames("sum by (outcome) (rate(a_sum[1h])) / sum by (outcome) (rate(a_count[1h]))"))
                .containsExactly("a_count", "a_sum");
        assertThat(PromQl.metricNames("jvm_memory_used_bytes{area=\"heap\", id=~\"G1 .*\"} > 1e6"))
                .containsExactly("jvm_memory_used_bytes");
    }
}
