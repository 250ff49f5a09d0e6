package dev.kubebench.collector.telemetry;

import dev.kubebench.catalog.spec.CollectSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Fills a query template's {@code {{ .name }}} variables ({@link CollectSpec.Prometheus#VARIABLES}) for one trial.
 * Names go into PromQL regular expressions and string literals, so regex metacharacters are escaped.
 */
final class QueryTemplate {
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private QueryTemplate() {
    }

    /** The variables' values for a trial and step. */
    static Map<String, String> variables(TrialScope scope, Duration step) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("namespace", scope.namespace());
        v.put("podRegex", alternation(scope.pods()));
        v.put("nodeRegex", alternation(scope.nodes()));
        v.put("window", Math.max(1, scope.window().toSeconds()) + "s");
        v.put("step", Math.max(1, step.toMillis()) + "ms");
        v.put("runId", scope.runId());
        v.put("trial", Integer.toString(scope.trial()));
        v.put("benchmark", scope.benchmark());
        return v;
    }

    /** The template with every known variable filled; an unknown one is left as written (validation names it). */
    static String fill(String template, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** True when the template names the variable. */
    static boolean uses(String template, String name) {
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** {@code a|b\\.c}: names as an RE2 alternation inside a PromQL string literal. */
    static String alternation(List<String> names) {
        return names.stream().map(n -> n.replaceAll("([.+*?()\\[\\]{}|^$\\\\])", "\\\\\\\\$1"))
                .collect(Collectors.joining("|"));
    }
}
