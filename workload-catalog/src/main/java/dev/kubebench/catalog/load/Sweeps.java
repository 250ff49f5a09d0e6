package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.Sweep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spec.sweep}: {@code matrix} variables form a cross product (the first declared varies slowest), {@code zip}
 * variables are paired lists of equal length. With both, every matrix point is crossed with every zip point (zip
 * inner). Sweep variables are parameters. {@code variants} ({@link Variants}) vary fastest of all: every point runs once
 * per variant.
 */
final class Sweeps {
    private final Map<String, List<Node>> matrix = new LinkedHashMap<>();
    private final Map<String, List<Node>> zip = new LinkedHashMap<>();
    private Variants variants = Variants.none();

    private Sweeps() {
    }

    static Sweeps read(Node node, Problems problems, Map<String, Mark> marks) {
        Sweeps s = new Sweeps();
        if (node == null) {
            return s;
        }
        Fields f = Fields.of(node, "spec.sweep", problems, marks, SpecFields.SWEEP);
        s.readLists(f, "matrix", s.matrix, problems);
        s.readLists(f, "zip", s.zip, problems);
        int zipLength = -1;
        String first = null;
        for (Map.Entry<String, List<Node>> e : s.zip.entrySet()) {
            if (zipLength < 0) {
                zipLength = e.getValue().size();
                first = e.getKey();
            } else if (e.getValue().size() != zipLength) {
                problems.add(marks.get("spec.sweep.zip." + e.getKey()), "spec.sweep.zip." + e.getKey(),
                        "has " + e.getValue().size() + " values but '" + first + "' has " + zipLength
                                + "; zip lists must have the same length");
            }
        }
        for (String k : s.zip.keySet()) {
            if (s.matrix.containsKey(k)) {
                problems.add(marks.get("spec.sweep.zip." + k), "spec.sweep.zip." + k,
                        "'" + k + "' is also a matrix variable");
            }
        }
        s.variants = Variants.read(f.node("variants"), problems, marks, new java.util.HashSet<>(s.variables()));
        return s;
    }

    private void readLists(Fields f, String key, Map<String, List<Node>> into, Problems problems) {
        for (Node.Entry e : f.entries(key)) {
            String where = "spec.sweep." + key + "." + e.key();
            f.marks().put(where, e.value().mark());
            if (!Templates.NAME.matcher(e.key()).matches()) {
                problems.add(e.keyMark(), where, "a sweep variable name must be a parameter name (letters, digits,"
                        + " '_', not starting with a digit)");
            }
            if (!(e.value() instanceof Node.ListNode) || ((Node.ListNode) e.value()).items().isEmpty()) {
                problems.add(e.value().mark(), where, "expected a non-empty list of values, got "
                        + Fields.describe(e.value()));
                continue;
            }
            List<Node> values = ((Node.ListNode) e.value()).items();
            boolean ok = true;
            for (int i = 0; i < values.size(); i++) {
                if (!(values.get(i) instanceof Node.ScalarNode)) {
                    problems.add(values.get(i).mark(), where + "[" + i + "]", "sweep values must be scalars, got "
                            + values.get(i).typeName());
                    ok = false;
                }
            }
            if (ok) {
                into.put(e.key(), values);
            }
        }
    }

    /** Variable names, matrix first. */
    List<String> variables() {
        List<String> out = new ArrayList<>(matrix.keySet());
        out.addAll(zip.keySet());
        return out;
    }

    Variants variants() {
        return variants;
    }

    /** Number of points (1 without a sweep), saturating at {@code Long.MAX_VALUE}. */
    long size() {
        long n = 1;
        for (List<Node> v : matrix.values()) {
            n = multiply(n, v.size());
        }
        if (!zip.isEmpty()) {
            n = multiply(n, zipLength());
        }
        return multiply(n, Math.max(1, variants.names().size()));
    }

    /** The zip lists' common length; when they differ (reported by {@link #read}), the shortest. */
    private int zipLength() {
        return zip.values().stream().mapToInt(List::size).min().orElse(0);
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The points in order; each maps variable to value. Call only when {@link #size()} is reasonable. */
    List<Map<String, Node>> points() {
        List<Map<String, Node>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Node>> e : matrix.entrySet()) {
            List<Map<String, Node>> next = new ArrayList<>();
            for (Map<String, Node> p : points) {
                for (Node v : e.getValue()) {
                    Map<String, Node> q = new LinkedHashMap<>(p);
                    q.put(e.getKey(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        if (!zip.isEmpty()) {
            int n = zipLength();
            List<Map<String, Node>> next = new ArrayList<>();
            for (Map<String, Node> p : points) {
                for (int i = 0; i < n; i++) {
                    Map<String, Node> q = new LinkedHashMap<>(p);
                    for (Map.Entry<String, List<Node>> e : zip.entrySet()) {
                        q.put(e.getKey(), e.getValue().get(i));
                    }
                    next.add(q);
                }
            }
            points = next;
        }
        if (!variants.isEmpty()) {
            List<Map<String, Node>> next = new ArrayList<>();
            for (Map<String, Node> p : points) {
                for (String name : variants.names()) {
                    Map<String, Node> q = new LinkedHashMap<>(p);
                    q.put(Sweep.VARIANT, new Node.ScalarNode(Mark.argument(Sweep.VARIANT), name));
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** The first point alone (the first value of every variable), without expanding the rest. */
    Map<String, Node> firstPoint() {
        Map<String, Node> p = new LinkedHashMap<>();
        matrix.forEach((k, v) -> p.put(k, v.get(0)));
        zip.forEach((k, v) -> p.put(k, v.get(0)));
        if (!variants.isEmpty()) {
            p.put(Sweep.VARIANT, new Node.ScalarNode(Mark.argument(Sweep.VARIANT), variants.names().get(0)));
        }
        return p;
    }

    /** The sweep as plain values, for {@link dev.kubebench.catalog.spec.BenchmarkSpec#sweep()}. */
    Sweep toSweep() {
        return new Sweep(plain(matrix), plain(zip), variants.toPlain());
    }

    private static Map<String, List<Object>> plain(Map<String, List<Node>> m) {
        Map<String, List<Object>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            List<Object> values = new ArrayList<>();
            v.forEach(n -> values.add(n.toPlain()));
            out.put(k, values);
        });
        return out;
    }
}
