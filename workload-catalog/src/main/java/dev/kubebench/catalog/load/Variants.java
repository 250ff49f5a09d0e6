package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.Sweep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec.sweep.variants}: named sets of overrides, each key a {@code --set} path relative to {@code spec}
 * ({@code job.image}) and each value a YAML value. A variant is one more sweep dimension (named
 * {@value Sweep#VARIANT}, varying fastest) whose values change the spec instead of a parameter.
 *
 * <p>What a variant may not change is what is the same for the whole run or already varied by the sweep: the
 * experiment design ({@code repetitions}, {@code warmup}, {@code order}, {@code seed}), the sweep, the gates, and a
 * parameter that is a sweep variable; and within one variant two keys must not address the same field twice
 * ({@code job} and {@code job.image}), since the result would depend on the order they are applied in.
 */
final class Variants {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
    private static final Set<String> RUN_LEVEL = Set.of("repetitions", "warmup", "order", "seed", "sweep", "gates",
            "profiles");

    private final Map<String, List<Overrides.Override>> variants = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> plain = new LinkedHashMap<>();

    private Variants() {
    }

    static Variants none() {
        return new Variants();
    }

    static Variants read(Node node, Problems problems, Map<String, Mark> marks, Set<String> sweepVariables) {
        Variants v = new Variants();
        if (node == null || node instanceof Node.ScalarNode && ((Node.ScalarNode) node).isNull()) {
            return v;
        }
        if (!(node instanceof Node.MapNode) || ((Node.MapNode) node).entries().isEmpty()) {
            problems.add(node.mark(), "spec.sweep.variants", "expected a mapping of variant names to overrides, e.g."
                    + " {baseline: {job.image: a}, candidate: {job.image: b}}, got " + Fields.describe(node));
            return v;
        }
        if (sweepVariables.contains(Sweep.VARIANT)) {
            problems.add(node.mark(), "spec.sweep.variants", "'" + Sweep.VARIANT + "' is also a sweep variable;"
                    + " variants name their points '" + Sweep.VARIANT + "'");
        }
        for (Node.Entry e : ((Node.MapNode) node).entries()) {
            String where = "spec.sweep.variants." + e.key();
            marks.put(where, e.value().mark());
            if (!NAME.matcher(e.key()).matches()) {
                problems.add(e.keyMark(), where, "a variant name is letters, digits, '-', '_' and '.'");
            }
            v.variants.put(e.key(), overrides(e, where, problems, sweepVariables));
            v.plain.put(e.key(), plainOverrides(e.value()));
        }
        return v;
    }

    private static List<Overrides.Override> overrides(Node.Entry variant, String where, Problems problems,
                                                      Set<String> sweepVariables) {
        List<Overrides.Override> out = new ArrayList<>();
        if (!(variant.value() instanceof Node.MapNode)) {
            problems.add(variant.value().mark(), where, "expected a mapping of spec paths to values, e.g."
                    + " {job.image: registry/train:2}, got " + Fields.describe(variant.value()));
            return out;
        }
        List<String> seen = new ArrayList<>();
        for (Node.Entry e : ((Node.MapNode) variant.value()).entries()) {
            String at = where + "." + e.key();
            List<Object> path = Overrides.parsePath(e.key());
            if (path == null || path.isEmpty() || !(path.get(0) instanceof String)) {
                problems.add(e.keyMark(), at, "malformed path; use dot-separated fields relative to spec, e.g."
                        + " job.image");
                continue;
            }
            String first = (String) path.get(0);
            if (SpecFields.ROOT.contains(first)) {
                problems.add(e.keyMark(), at, "a variant overrides fields of spec only (drop '" + first + ".')");
                continue;
            }
            if (!SpecFields.SPEC.contains(first)) {
                problems.add(e.keyMark(), at, "unknown field '" + first + "'" + Suggestions.hint(first,
                        SpecFields.SPEC));
                continue;
            }
            if (RUN_LEVEL.contains(first)) {
                problems.add(e.keyMark(), at, "'" + first + "' is the same for the whole run and cannot differ"
                        + " between variants");
                continue;
            }
            if ("parameters".equals(first) && path.size() > 1 && sweepVariables.contains(String.valueOf(path.get(1)))) {
                problems.add(e.keyMark(), at, "'" + path.get(1) + "' is a sweep variable; the sweep already sets it"
                        + " for every point, so a variant cannot override it");
                continue;
            }
            String text = Overrides.pathText(path, path.size());
            for (String other : seen) {
                if (text.startsWith(other + ".") || text.startsWith(other + "[") || other.startsWith(text + ".")
                        || other.startsWith(text + "[") || other.equals(text)) {
                    problems.add(e.keyMark(), at, "conflicts with '" + other + "' of the same variant: both"
                            + " set the same field");
                }
            }
            seen.add(text);
            List<Object> full = new ArrayList<>(path);
            full.add(0, "spec");
            out.add(new Overrides.Override("sweep.variants." + variant.key() + "." + e.key(), full, e.value()));
        }
        return out;
    }

    private static Map<String, Object> plainOverrides(Node n) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (n instanceof Node.MapNode m) {
            m.entries().forEach(e -> out.put(e.key(), e.value().toPlain()));
        }
        return out;
    }

    boolean isEmpty() {
        return variants.isEmpty();
    }

    List<String> names() {
        return List.copyOf(variants.keySet());
    }

    /** The overrides as plain values, for {@link Sweep#variants()}. */
    Map<String, Map<String, Object>> toPlain() {
        return plain;
    }

    /** {@code root} with the overrides of {@code variant} applied; {@code root} itself for null. */
    Node.MapNode apply(Node.MapNode root, String variant, Problems problems) {
        List<Overrides.Override> overrides = variant == null ? null : variants.get(variant);
        return overrides == null ? root : Overrides.applyAll(root, overrides, problems);
    }
}
