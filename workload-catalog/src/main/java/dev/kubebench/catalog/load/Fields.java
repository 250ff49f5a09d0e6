package dev.kubebench.catalog.load;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A typed view of one YAML mapping during binding: rejects unknown keys (with a suggestion), reads fields with type
 * checks, and records every field's position so later validation can point at it. Missing or wrongly typed values
 * are reported to {@link Problems} and read as null, so binding goes on and finds every problem in one pass.
 */
final class Fields {
    private final Node.MapNode map;
    private final String path;
    private final Problems problems;
    private final Map<String, Mark> marks;

    private Fields(Node.MapNode map, String path, Problems problems, Map<String, Mark> marks) {
        this.map = map;
        this.path = path;
        this.problems = problems;
        this.marks = marks;
        marks.put(path, map.mark());
    }

    /**
     * Views {@code node} as a mapping with exactly the {@code allowed} keys; a non-mapping is reported and viewed as
     * empty.
     */
    static Fields of(Node node, String path, Problems problems, Map<String, Mark> marks, List<String> allowed) {
        Node.MapNode m;
        if (node instanceof Node.MapNode) {
            m = (Node.MapNode) node;
        } else {
            problems.add(node.mark(), path, "expected a mapping, got " + describe(node));
            m = new Node.MapNode(node.mark(), List.of());
        }
        Fields f = new Fields(m, path, problems, marks);
        for (Node.Entry e : m.entries()) {
            if (!allowed.contains(e.key())) {
                problems.add(e.keyMark(), f.child(e.key()), "unknown field" + Suggestions.hint(e.key(), allowed));
            }
        }
        return f;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    Map<String, Mark> marks() {
        return marks;
    }

    Mark mark() {
        return map.mark();
    }

    Node.MapNode map() {
        return map;
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value node, or null when the key is absent or explicitly null. Records the position. */
    Node node(String key) {
        Node.Entry e = map.entry(key);
        if (e == null) {
            return null;
        }
        marks.put(child(key), e.value().mark());
        if (e.value() instanceof Node.ScalarNode && ((Node.ScalarNode) e.value()).isNull()) {
            return null;
        }
        return e.value();
    }

    boolean has(String key) {
        return node(key) != null;
    }

    /** The position of a field's value, or of this mapping when absent. */
    Mark markOf(String key) {
        Node.Entry e = map.entry(key);
        return e == null ? map.mark() : e.value().mark();
    }

    void problem(String key, String message) {
        problems.add(markOf(key), child(key), message);
    }

    /** A required field that is absent. */
    void missing(String key) {
        problems.add(map.mark(), child(key), "required field is missing");
    }

    /** Any scalar as text (numbers and booleans are written as YAML would); null when absent. */
    String string(String key) {
        Node n = node(key);
        return n == null ? null : text(n, child(key));
    }

    String requiredString(String key) {
        String s = string(key);
        if (s == null && map.entry(key) == null) {
            missing(key);
        } else if (s == null) {
            problem(key, "must not be null");
        }
        return s;
    }

    /** A required name: present, a string, and not empty or blank (reported); null when it is not. */
    String requiredName(String key) {
        String s = requiredString(key);
        if (s != null && s.isBlank()) {
            problem(key, "must not be empty");
            return null;
        }
        return s;
    }

    /** A command (argv): its program, the first item, must not be empty; no item may hold a NUL character. */
    void program(String key, List<String> argv) {
        if (argv != null && !argv.isEmpty() && argv.get(0).isBlank()) {
            problems.add(positionOf(child(key) + "[0]"), child(key) + "[0]", "must not be empty (the program to run)");
        }
        noNul(key, argv);
    }

    /** No item of a list of process arguments may hold a NUL character (no process can receive it). */
    void noNul(String key, List<String> items) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            noNul(key + "[" + i + "]", items.get(i));
        }
    }

    /** A value for a process (argument, environment) must not hold a NUL character: no process can receive one. */
    void noNul(String key, String value) {
        if (value != null && value.indexOf('\0') >= 0) {
            problems.add(positionOf(child(key)), child(key), "contains a NUL character (\\0), which no process argument "
                    + "or environment variable can hold");
        }
    }

    /** The position of {@code where}, else of the field it is in, else of this mapping. */
    private Mark positionOf(String where) {
        Mark m = marks.get(where);
        if (m != null) {
            return m;
        }
        String rest = where.substring(path.length() + 1);
        Node field = node(rest.split("[.\\[]", 2)[0]);
        return field == null ? map.mark() : field.mark();
    }

    /** A scalar as text, or null (reported) for mappings, lists and null; an empty value is written {@code ""}. */
    String text(Node n, String where) {
        if (n instanceof Node.ScalarNode && !((Node.ScalarNode) n).isNull()) {
            return ((Node.ScalarNode) n).text();
        }
        problems.add(n.mark(), where, "expected a string, got " + describe(n));
        return null;
    }

    /** A whole number in [min, max]; null when absent or invalid. */
    Integer integer(String key, long min, long max) {
        Node n = node(key);
        return n == null ? null : integerValue(n, child(key), min, max);
    }

    Integer integerValue(Node n, String where, long min, long max) {
        Object v = n instanceof Node.ScalarNode ? ((Node.ScalarNode) n).value() : null;
        String range = max == Integer.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        if (v instanceof Double && ((Double) v) == Math.rint((Double) v) && !((Double) v).isInfinite()) {
            double d = (Double) v;
            if (d < min || d > max) {
                // say what was written (1e308), not what it would saturate to as a long
                problems.add(n.mark(), where, "must be " + range + ", got " + shown(n));
                return null;
            }
            v = (long) d;
        }
        if (v instanceof BigInteger) {
            problems.add(n.mark(), where, "must be " + range + ", got " + shown(n));
            return null;
        }
        if (!(v instanceof Long)) {
            problems.add(n.mark(), where, "expected an integer, got " + describe(n));
            return null;
        }
        long l = (Long) v;
        if (l < min || l > max) {
            problems.add(n.mark(), where, "must be " + range + ", got " + l);
            return null;
        }
        return (int) l;
    }

    /** A finite number; null when absent or invalid. */
    Double number(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        Object v = n instanceof Node.ScalarNode ? ((Node.ScalarNode) n).value() : null;
        if (v instanceof Number && Double.isFinite(((Number) v).doubleValue())) {
            return ((Number) v).doubleValue();
        }
        problem(key, "expected a number, got " + describe(n));
        return null;
    }

    /** A boolean; null when absent or invalid. */
    Boolean bool(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        Object v = n instanceof Node.ScalarNode ? ((Node.ScalarNode) n).value() : null;
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        problem(key, "expected true or false, got " + describe(n));
        return null;
    }

    /** A list of scalars as text; a single scalar is not accepted (commands are argv lists). */
    List<String> stringList(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.ListNode)) {
            problem(key, "expected a list of strings, got " + describe(n));
            return null;
        }
        List<String> out = new ArrayList<>();
        List<Node> items = ((Node.ListNode) n).items();
        for (int i = 0; i < items.size(); i++) {
            String s = text(items.get(i), child(key) + "[" + i + "]");
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** A mapping of scalar values as text, in order. */
    Map<String, String> stringMap(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (!(n instanceof Node.MapNode)) {
            problem(key, "expected a mapping, got " + describe(n));
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Node.Entry e : ((Node.MapNode) n).entries()) {
            String where = child(key) + "." + e.key();
            marks.put(where, e.value().mark());
            String s = text(e.value(), where);
            if (s != null) {
                out.put(e.key(), s);
            }
        }
        return out;
    }

    /** The entries of a mapping field, or an empty list (reported) when it is not a mapping. */
    List<Node.Entry> entries(String key) {
        Node n = node(key);
        if (n == null) {
            return Collections.emptyList();
        }
        if (!(n instanceof Node.MapNode)) {
            problem(key, "expected a mapping, got " + describe(n));
            return Collections.emptyList();
        }
        return ((Node.MapNode) n).entries();
    }

    /** The items of a list field, or an empty list (reported) when it is not a list. */
    List<Node> items(String key) {
        Node n = node(key);
        if (n == null) {
            return Collections.emptyList();
        }
        if (!(n instanceof Node.ListNode)) {
            problem(key, "expected a list, got " + describe(n));
            return Collections.emptyList();
        }
        return ((Node.ListNode) n).items();
    }

    /** A nested mapping with its own allowed keys, or null when absent. */
    Fields object(String key, List<String> allowed) {
        Node n = node(key);
        return n == null ? null : of(n, child(key), problems, marks, allowed);
    }

    /** A scalar as written, cut to 40 characters: what "got" shows of a value that is out of range. */
    static String shown(Node n) {
        String t = n instanceof Node.ScalarNode ? ((Node.ScalarNode) n).text() : n.typeName();
        return t.length() <= 40 ? t : t.substring(0, 40) + "... (" + t.length() + " characters)";
    }

    /** How a node is described in "expected X, got Y": the type, and short scalars quoted. */
    static String describe(Node n) {
        if (n instanceof Node.ScalarNode && ((Node.ScalarNode) n).value() != null) {
            String t = ((Node.ScalarNode) n).text();
            if (t.length() <= 40) {
                return n.typeName() + " '" + t + "'";
            }
        }
        return n.typeName();
    }
}
