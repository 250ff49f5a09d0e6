package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.CollectSpec;
import dev.kubebench.core.time.Durations;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Binds {@code spec.collect}: the MLLOG, JMH, extractor and Prometheus collectors, each entry exactly one of them. */
final class CollectBinder {
    /** {@code namespace/name:port}; the port is a number or a port name. */
    private static final Pattern SERVICE = Pattern.compile(
            "([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)/([a-z0-9](?:[-a-z0-9]*[a-z0-9])?):([0-9]{1,5}|[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)");
    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
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
                    CollectSpec.Prometheus p = prometheus(b, c.child(kind));
                    if (p != null) {
                        out.add(p);
                    }
                    break;
                default:
                    break;
            }
        }
        return out;
    }

    /** The prometheus collector; null (with the problems reported) when it cannot be bound. */
    private CollectSpec.Prometheus prometheus(Node body, String path) {
        Fields p = Fields.of(body, path, problems, marks, SpecFields.PROMETHEUS);
        String url = p.string("url");
        String serviceText = p.string("service");
        CollectSpec.Service service = null;
        if ((url == null) == (serviceText == null)) {
            problems.add(p.mark(), path, "give exactly one of 'url' and 'service'");
        }
        if (url != null && !validUrl(url)) {
            p.problem("url", "expected an http:// or https:// URL such as http://prometheus.monitoring:9090, got '"
                    + url + "'");
            url = null;
        }
        if (serviceText != null) {
            Matcher m = SERVICE.matcher(serviceText);
            if (m.matches()) {
                service = new CollectSpec.Service(m.group(1), m.group(2), m.group(3));
            } else {
                p.problem("service", "expected namespace/name:port such as monitoring/prometheus-k8s:9090, got '"
                        + serviceText + "'");
            }
        }
        CollectSpec.TelemetryProfile profile = CollectSpec.TelemetryProfile.DCGM;
        String profileText = p.string("profile");
        if (profileText != null) {
            List<String> names = new ArrayList<>();
            for (CollectSpec.TelemetryProfile t : CollectSpec.TelemetryProfile.values()) {
                names.add(t.yamlName());
            }
            if (names.contains(profileText)) {
                profile = CollectSpec.TelemetryProfile.valueOf(profileText.toUpperCase(Locale.ROOT));
            } else {
                p.problem("profile", "unknown profile '" + profileText + "'" + Suggestions.hint(profileText, names));
            }
        }
        Map<String, String> queries = p.stringMap("queries");
        if (queries != null) {
            queries.forEach((name, template) -> checkTemplate(p, name, template));
        }
        Duration step = null;
        String stepText = p.string("step");
        if (stepText != null) {
            step = Durations.tryParse(stepText).filter(d -> !d.isZero()).orElse(null);
            if (step == null) {
                p.problem("step", "'" + stepText + "' is not a positive duration " + Durations.EXAMPLES);
            }
        }
        CollectSpec.Auth auth = null;
        Node authNode = p.node("auth");
        if (authNode != null) {
            Fields a = Fields.of(authNode, p.child("auth"), problems, marks, SpecFields.PROMETHEUS_AUTH);
            auth = new CollectSpec.Auth(a.string("bearerTokenFile"), a.string("bearerTokenEnv"));
            if (auth.bearerTokenFile() != null && auth.bearerTokenEnv() != null) {
                problems.add(a.mark(), a.path(), "give at most one of 'bearerTokenFile' and 'bearerTokenEnv'");
            }
        }
        CollectSpec.Tls tls = null;
        Node tlsNode = p.node("tls");
        if (tlsNode != null) {
            Fields t = Fields.of(tlsNode, p.child("tls"), problems, marks, SpecFields.PROMETHEUS_TLS);
            Boolean insecure = t.bool("insecureSkipVerify");
            tls = new CollectSpec.Tls(t.string("caFile"), Boolean.TRUE.equals(insecure));
        }
        if (profile == CollectSpec.TelemetryProfile.NONE && (queries == null || queries.isEmpty())) {
            p.problem("queries", "profile none needs at least one named PromQL query");
        }
        if ((url == null) == (service == null)) {
            return null;
        }
        return new CollectSpec.Prometheus(url, service, profile, queries, step, auth, tls);
    }

    private static boolean validUrl(String url) {
        if (!url.matches("https?://\\S+")) {
            return false;
        }
        try {
            URI u = new URI(url);
            return u.getHost() != null && u.getQuery() == null && u.getFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Every {@code {{ .name }}} of a query must be a telemetry variable (parameters were substituted already). */
    private void checkTemplate(Fields p, String name, String template) {
        String where = p.child("queries") + "." + name;
        Mark mark = marks.getOrDefault(where, p.mark());
        int i = template.indexOf("{{");
        while (i >= 0) {
            Matcher m = VARIABLE.matcher(template).region(i, template.length());
            if (!m.lookingAt()) {
                problems.add(mark, where, "unsupported template '" + template.substring(i) + "'; only {{ .name }}"
                        + " with a telemetry variable (" + String.join(", ", CollectSpec.Prometheus.VARIABLES)
                        + ") or a parameter");
                return;
            }
            if (!CollectSpec.Prometheus.VARIABLES.contains(m.group(1))) {
                problems.add(mark, where, "unknown variable '" + m.group(1) + "'"
                        + Suggestions.hint(m.group(1), CollectSpec.Prometheus.VARIABLES));
            }
            i = template.indexOf("{{", m.end());
        }
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
