package dev.kubebench.catalog.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Named partial specs under {@code spec.profiles}. The chosen profile is deep-merged over {@code spec}: mappings merge
 * key by key, anything else (lists, scalars) replaces. The result no longer has {@code profiles}.
 */
final class Profiles {
    private Profiles() {
    }

    /** The profile names declared in {@code root}, in order. */
    static List<String> names(Node.MapNode root) {
        Node profiles = spec(root) == null ? null : spec(root).get("profiles");
        List<String> out = new ArrayList<>();
        if (profiles instanceof Node.MapNode) {
            for (Node.Entry e : ((Node.MapNode) profiles).entries()) {
                out.add(e.key());
            }
        }
        return out;
    }

    static Node.MapNode apply(Node.MapNode root, String profile, Problems problems) {
        Node.MapNode spec = spec(root);
        if (spec == null) {
            if (profile != null) {
                problems.add(root.mark(), "spec.profiles", "unknown profile '" + profile + "': the spec has no profiles");
            }
            return root;
        }
        Node.Entry profilesEntry = spec.entry("profiles");
        Node profiles = profilesEntry == null ? null : profilesEntry.value();
        if (profiles != null && !(profiles instanceof Node.MapNode)
                && !(profiles instanceof Node.ScalarNode && ((Node.ScalarNode) profiles).isNull())) {
            problems.add(profiles.mark(), "spec.profiles", "expected a mapping of profile name to overrides, got "
                    + profiles.typeName());
            profiles = null;
        }
        Node.MapNode base = spec.without("profiles");
        if (profile == null) {
            return root.with("spec", root.entry("spec").keyMark(), base);
        }
        List<String> names = names(root);
        Node chosen = profiles instanceof Node.MapNode ? ((Node.MapNode) profiles).get(profile) : null;
        if (chosen == null) {
            Mark at = profilesEntry == null ? spec.mark() : profilesEntry.keyMark();
            problems.add(at, "spec.profiles", "unknown profile '" + profile + "'" + (names.isEmpty()
                    ? ": the spec has no profiles"
                    : Suggestions.closest(profile, names).map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " (available: " + String.join(", ", names) + ")"));
            return root.with("spec", root.entry("spec").keyMark(), base);
        }
        if (!(chosen instanceof Node.MapNode)) {
            problems.add(chosen.mark(), "spec.profiles." + profile, "expected a mapping of spec overrides, got "
                    + chosen.typeName());
            return root.with("spec", root.entry("spec").keyMark(), base);
        }
        Node.MapNode overrides = (Node.MapNode) chosen;
        Node.Entry nested = overrides.entry("profiles");
        if (nested != null) {
            problems.add(nested.keyMark(), "spec.profiles." + profile + ".profiles", "profiles cannot be nested");
            overrides = overrides.without("profiles");
        }
        return root.with("spec", root.entry("spec").keyMark(), merge(base, overrides));
    }

    /** Deep merge: {@code over} wins; mappings merge recursively. */
    static Node merge(Node base, Node over) {
        if (!(base instanceof Node.MapNode) || !(over instanceof Node.MapNode)) {
            return over;
        }
        Node.MapNode out = (Node.MapNode) base;
        for (Node.Entry e : ((Node.MapNode) over).entries()) {
            Node.Entry existing = out.entry(e.key());
            out = out.with(e.key(), existing == null ? e.keyMark() : existing.keyMark(),
                    existing == null ? e.value() : merge(existing.value(), e.value()));
        }
        return out;
    }

    private static Node.MapNode spec(Node.MapNode root) {
        Node spec = root.get("spec");
        return spec instanceof Node.MapNode ? (Node.MapNode) spec : null;
    }
}
