package dev.storemon.gateway.report;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The metric names a Grafana dashboard's PromQL expressions select; enough PromQL for our own dashboard. */
final class PromQl {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    /** Aggregations, functions and keywords: words that are not metric names. */
    private static final Set<String> KEYWORDS = Set.of(
            "sum",
            "max",
            "min",
            "avg",
            "count",
            "rate",
            "irate",
            "increase",
            "histogram_quantile",
            "time",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "offset",
            "topk",
            "bottomk",
            "abs",
            "clamp_min",
            "clamp_max",
            "delta",
            "deriv",
            "vector",
            "scalar",
            "absent",
            "bool");

    private PromQl() {}

    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                names.addAll(metricNames(target.get("expr").asString()));
            }
        }
        return names;
    }

    static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"[^\"]*\"", "\"\"") // label values
                .replaceAll("\\{[^}]*}", " ") // label matchers
                .replaceAll("\\[[^]]*]", " ") // ranges, [$__rate_interval]
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ") // grouping labels
                .replaceAll("\\$\\w+", " "); // Grafana variables
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(stripped);
        while (identifier.find()) {
            String word = identifier.group();
            boolean call = stripped.substring(identifier.end()).stripLeading().startsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(stripped.charAt(identifier.start() - 1));
            if (!KEYWORDS.contains(word) && !call && !number) {
                names.add(word);
            }
        }
        return names;
    }
}
