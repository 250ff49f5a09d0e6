package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.CollectSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Binds {@code spec.collect}: the MLLOG, JMH, extractor and Prometheus collectors, each entry exactly one of them. */
final class CollectBinder {
    private static final List<String> AGGREGATES = List.of("last", "mean", "max", "min", "sum", "percentiles");

    private final Problems problems;
    private final Map<String, Mark> marks;

    CollectBinder(Problems problems, Map<String, Mark> marks) {
        this.problems = problems;
        this.marks = marks;
    }

    List<CollectSpec> collect(Fields spec) {
        List<CollectSpec> out = new ArrayList<>();
        List<Node> items = spec.items("collect");
        List<String> kinds = SpecFields.COLLECT_KINDS;
        for (int i = 0; i < items.size(); i++) {
            String where = "spec.collect[" + i + "]";
            Node item = items.get(i);
            Fields c = Fields.of(item, where, problems, marks, kinds);
            if (c.map().entries().size() != 1) {
                problems.add(item.mark(), where, "each collect entry has exactly one of: " + String.join(", ", kinds));
                continue;
            }
            String kind = c.map().entries().get(0).key();
            Node body = c.node(kind);
            Node b = body == null ? new Node.MapNode(c.markOf(kind), List.of()) : body;
            switch (kind) {
                case "mllog":
                    Fields.of(b, c.child(kind), problems, marks, SpecFields.MLLOG);
                    out.add(new CollectSpec.Mllog());
                    break;
                case "jmh":
                    Fields j = Fields.of(b, c.child(kind), problems, marks, SpecFields.JMH);
                    out.add(new CollectSpec.Jmh(j.string("file")));
                    break;
                case "extract":
                    out.add(extract(b, c.child(kind)));
                    break;
                case "prometheus":
                    Fields p = Fields.of(b, c.child(kind), problems, marks, SpecFields.PROMETHEUS);
                    String url = p.requiredString("url");
                    if (url != null && !url.matches("https?://.+")) {
                        p.problem("url", "expected an http:// or https:// URL, got '" + url + "'");
                    }
                    Map<String, String> queries = p.stringMap("queries");
                    if (queries == null || queries.isEmpty()) {
                        p.problem("queries", "needs at least one named PromQL query");
                    }
                    out.add(new CollectSpec.Prometheus(url, queries == null ? Map.of() : queries));
                    break;
                default:
                    break;
            }
        }
        return out;
    }

    private CollectSpec extract(Node body, String path) {
        List<Node> rules;
        if (body instanceof Node.ListNode) {
            rules = ((Node.ListNode) body).items();
        } else {
            problems.add(body.mark(), path, "expected a list of metric rules {name, regex | jsonPath, unit,"
                    + " aggregate}, got " + Fields.describe(body));
            rules = List.of();
        }
        List<CollectSpec.MetricRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Fields r = Fields.of(rules.get(i), path + "[" + i + "]", problems, marks, SpecFields.METRIC_RULE);
            String name = r.requiredName("name");
            String regex = r.string("regex");
            String jsonPath = r.string("jsonPath");
            if ((regex == null) == (jsonPath == null)) {
                problems.add(r.mark(), r.path(), "give exactly one of 'regex' and 'jsonPath'");
            }
            if (regex != null) {
                try {
                    Pattern.compile(regex);
                    if (!regex.contains("(?<value>")) {
                        r.problem("regex", "needs a named group 'value', e.g. (?<value>[0-9.]+)");
                    }
                } catch (PatternSyntaxException e) {
                    r.problem("regex", "invalid regular expression: " + e.getDescription());
                }
            }
            if (jsonPath != null && !jsonPath.matches("[A-Za-z0-9_$-]+(\\.[A-Za-z0-9_$-]+)*")) {
                r.problem("jsonPath", "expected a dot-separated field path such as metrics.ips");
            }
            String aggregate = r.string("aggregate");
            if (aggregate != null && !AGGREGATES.contains(aggregate)) {
                r.problem("aggregate", "unknown aggregate '" + aggregate + "'" + Suggestions.hint(aggregate, AGGREGATES));
            }
            if (name != null) {
                out.add(new CollectSpec.MetricRule(name, regex, jsonPath, r.string("unit"),
                        aggregate == null ? "last" : aggregate));
            }
        }
        return new CollectSpec.Extract(out);
    }
}
