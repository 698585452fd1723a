package org.visaport.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The alert rules and the Grafana dashboard under deploy/observability, and the metric names their queries use. */
final class ObservabilityFiles {

    static final Path RULES = Path.of("observability", "prometheus", "visaport-rules.yml");
    static final Path DASHBOARD = Path.of("observability", "grafana", "visaport.json");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    static List<Map<String, Object>> alertRules() {
        try {
            Map<String, Object> file = new Yaml().load(Files.readString(RULES));
            List<Map<String, Object>> rules = new ArrayList<>();
            for (Map<String, Object> group : ObservabilityFiles.<List<Map<String, Object>>>cast(file.get("groups"))) {
                rules.addAll(cast(group.get("rules")));
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> ruleExpressions() {
        return alertRules().stream().map(rule -> String.valueOf(rule.get("expr"))).toList();
    }

    static JsonNode dashboard() {
        return JsonMapper.builder().build().readTree(DASHBOARD.toFile());
    }

    static List<String> dashboardExpressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard().get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.get("expr").asString());
            }
        }
        return expressions;
    }

    /**
     * The metric names a PromQL expression selects: what is left once label matchers, strings, ranges and grouping
     * labels are taken out, minus functions (followed by a parenthesis) and keywords.
     */
    static Set<String> metricNames(String expression) {
        String rest = STRING.matcher(expression).replaceAll("\"\"");
        rest = MATCHERS.matcher(rest).replaceAll("");
        rest = RANGE.matcher(rest).replaceAll("");
        rest = GROUPING.matcher(rest).replaceAll("");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(rest);
        while (matcher.find()) {
            if (matcher.group(2) == null && !KEYWORDS.contains(matcher.group(1).toLowerCase(java.util.Locale.ROOT))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    static Set<String> metricNames(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        expressions.forEach(expression -> names.addAll(metricNames(expression)));
        return names;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private ObservabilityFiles() {
    }
}
