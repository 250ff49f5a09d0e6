package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.CollectSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's deliberately small templating: {@code {{ .name }}} in any string is replaced by a parameter. A string
 * that is exactly one placeholder takes the parameter's own type ({@code replicas: {Worker: "{{ .workers }}"}}
 * becomes the integer); otherwise the parameter's text is spliced in. Nothing else ({@code {{ if }}}, pipes, ...) is
 * supported, and an unknown parameter is an error with a suggestion.
 *
 * <p>A Prometheus query template ({@code spec.collect[i].prometheus.queries.*}) also names telemetry variables
 * ({@code {{ .namespace }}}, {@code {{ .podRegex }}}, ...) that are filled per trial at collection time; those are
 * left as written here, and the collect binder rejects any other name.
 */
final class Templates {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern WHOLE = Pattern.compile("\\s*\\{\\{\\s*\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}\\s*");
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern QUERY_PATH = Pattern.compile("spec\\.collect\\[\\d+]\\.prometheus\\.queries\\..+");

    private final Map<String, Node> parameters;
    private final Problems problems;

    Templates(Map<String, Node> parameters, Problems problems) {
        this.parameters = parameters;
        this.problems = problems;
    }

    /** Substitutes every string below {@code node}; {@code path} names it in messages. */
    Node apply(Node node, String path) {
        if (node instanceof Node.MapNode) {
            Node.MapNode m = (Node.MapNode) node;
            List<Node.Entry> out = new ArrayList<>();
            for (Node.Entry e : m.entries()) {
                out.add(new Node.Entry(e.key(), e.keyMark(), apply(e.value(), child(path, e.key()))));
            }
            return new Node.MapNode(m.mark(), out);
        }
        if (node instanceof Node.ListNode) {
            Node.ListNode l = (Node.ListNode) node;
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < l.items().size(); i++) {
                out.add(apply(l.items().get(i), path + "[" + i + "]"));
            }
            return new Node.ListNode(l.mark(), out);
        }
        Node.ScalarNode s = (Node.ScalarNode) node;
        if (!(s.value() instanceof String) || !((String) s.value()).contains("{{")) {
            return s;
        }
        return substitute(s, (String) s.value(), path);
    }

    private Node substitute(Node.ScalarNode s, String text, String path) {
        boolean query = QUERY_PATH.matcher(path).matches();
        Matcher whole = WHOLE.matcher(text);
        if (whole.matches() && !(query && keptInQuery(whole.group(1)))) {
            Node value = lookup(whole.group(1), s.mark(), path);
            return value == null ? s : retarget(value, s.mark());
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                out.append(text, i, text.length());
                break;
            }
            out.append(text, i, open);
            Matcher m = PLACEHOLDER.matcher(text).region(open, text.length());
            if (!m.lookingAt()) {
                int close = text.indexOf("}}", open);
                String bad = close < 0 ? text.substring(open) : text.substring(open, close + 2);
                problems.add(s.mark(), path, "unsupported template '" + bad + "'; only {{ .name }} (a parameter)"
                        + " is supported");
                return s;
            }
            if (query && keptInQuery(m.group(1))) {
                // a telemetry variable (or a typo the collect binder names): filled when telemetry is collected
                out.append(text, open, m.end());
                i = m.end();
                continue;
            }
            Node value = lookup(m.group(1), s.mark(), path);
            if (value == null) {
                return s;
            }
            if (!(value instanceof Node.ScalarNode)) {
                problems.add(s.mark(), path, "parameter '" + m.group(1) + "' is " + value.typeName()
                        + " and cannot be spliced into a string");
                return s;
            }
            out.append(((Node.ScalarNode) value).isNull() ? "" : ((Node.ScalarNode) value).text());
            i = m.end();
        }
        return new Node.ScalarNode(s.mark(), out.toString());
    }

    /** Telemetry variables win over parameters of the same name; an unknown name is left for the collect binder. */
    private boolean keptInQuery(String name) {
        return CollectSpec.Prometheus.VARIABLES.contains(name) || !parameters.containsKey(name);
    }

    private Node lookup(String name, Mark mark, String path) {
        Node v = parameters.get(name);
        if (v == null) {
            problems.add(mark, path, "unknown parameter '" + name + "'"
                    + Suggestions.hint(name, List.copyOf(parameters.keySet())));
        }
        return v;
    }

    /** The parameter's value placed where the placeholder was written, so type errors point at the use. */
    private static Node retarget(Node value, Mark mark) {
        if (value instanceof Node.ScalarNode) {
            Node.ScalarNode s = (Node.ScalarNode) value;
            return new Node.ScalarNode(mark, s.value(), s.raw());
        }
        return value;
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
