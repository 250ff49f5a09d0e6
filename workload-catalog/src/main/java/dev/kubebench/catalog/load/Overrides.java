package dev.kubebench.catalog.load;

import dev.kubebench.core.error.KubebenchException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --set path=value} overrides, applied after the profile. The path is dot-separated field names from the
 * document root ({@code spec.repetitions}, {@code metadata.name}); a path that does not start with {@code apiVersion},
 * {@code kind}, {@code metadata} or {@code spec} is relative to {@code spec} ({@code parameters.batchSize}). List items
 * are addressed as {@code data[0].claim}; keys containing dots are quoted: {@code nodePool.nodeSelector."a.b/c"}.
 * The value is read as YAML, so {@code 128} is an integer, {@code "128"} a string, {@code true} a boolean and
 * {@code [1,2]} a list; a value containing a template ({@code {{ .name }}}) or that is not YAML is a string. Missing
 * mappings on the path are created.
 */
final class Overrides {
    private Overrides() {
    }

    /** One parsed {@code path=value} argument. */
    record Override(String argument, List<Object> path, Node value) {
    }

    static Node.MapNode apply(Node.MapNode root, List<String> sets, Problems problems) {
        Node.MapNode out = root;
        for (String arg : sets) {
            Override o = parse(arg, problems);
            if (o != null) {
                Node replaced = set(out, o.path(), 0, o, problems);
                if (replaced instanceof Node.MapNode) {
                    out = (Node.MapNode) replaced;
                }
            }
        }
        return out;
    }

    /** Applies parsed overrides (paths from the document root) in order. */
    static Node.MapNode applyAll(Node.MapNode root, List<Override> overrides, Problems problems) {
        Node.MapNode out = root;
        for (Override o : overrides) {
            Node replaced = set(out, o.path(), 0, o, problems);
            if (replaced instanceof Node.MapNode) {
                out = (Node.MapNode) replaced;
            }
        }
        return out;
    }

    /** An argument as messages name it: cut to 80 characters, so a megabyte value is not echoed. */
    static String shown(String arg) {
        return arg.length() <= 80 ? arg : arg.substring(0, 80) + "... (" + arg.length() + " characters)";
    }

    static Override parse(String arg, Problems problems) {
        Mark mark = Mark.argument("--set " + shown(arg));
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            problems.add(mark, null, "expected --set path=value, e.g. --set parameters.batchSize=128");
            return null;
        }
        List<Object> path = parsePath(arg.substring(0, eq).trim());
        if (path == null || path.isEmpty() || !(path.get(0) instanceof String)) {
            problems.add(mark, null, "malformed path '" + arg.substring(0, eq)
                    + "'; use dot-separated fields, [N] for list items and \"...\" around keys with dots");
            return null;
        }
        if (!SpecFields.ROOT.contains((String) path.get(0))) {
            path.add(0, "spec");
        }
        if (path.size() > 1 && "profiles".equals(path.get(1)) && "spec".equals(path.get(0))) {
            problems.add(mark, null, "profiles cannot be changed with --set; choose one with --profile");
            return null;
        }
        String text = arg.substring(eq + 1);
        Node value;
        if (text.isEmpty() || text.contains("{{")) {
            // A template would read as a YAML flow mapping; it is meant as text, substituted later.
            value = new Node.ScalarNode(mark, text);
        } else {
            try {
                value = remark(YamlTreeReader.readText(text, "--set " + shown(arg)), mark);
            } catch (KubebenchException e) {
                // Not YAML (e.g. "[--flag"): take it literally; binding reports it if a list or number was needed.
                value = new Node.ScalarNode(mark, text);
            }
        }
        return new Override(arg, path, value);
    }

    /** Segments: field names (String) and list indices (Integer); null when malformed. */
    static List<Object> parsePath(String p) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        boolean expectName = true;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    return null;
                }
                try {
                    out.add(Integer.parseInt(p.substring(i + 1, close).trim()));
                } catch (NumberFormatException e) {
                    return null;
                }
                i = close + 1;
                expectName = false;
            } else if (c == '.') {
                if (expectName) {
                    return null;
                }
                expectName = true;
                i++;
            } else if (expectName && c == '"') {
                int close = p.indexOf('"', i + 1);
                if (close < 0) {
                    return null;
                }
                out.add(p.substring(i + 1, close));
                i = close + 1;
                expectName = false;
            } else if (expectName) {
                int j = i;
                while (j < p.length() && p.charAt(j) != '.' && p.charAt(j) != '[') {
                    j++;
                }
                out.add(p.substring(i, j));
                i = j;
                expectName = false;
            } else {
                return null;
            }
        }
        return expectName ? null : out;
    }

    private static Node set(Node node, List<Object> path, int at, Override o, Problems problems) {
        if (at == path.size()) {
            return o.value();
        }
        Mark mark = Mark.argument("--set " + shown(o.argument()));
        Object seg = path.get(at);
        if (seg instanceof String) {
            String key = (String) seg;
            Node.MapNode m;
            if (node instanceof Node.MapNode) {
                m = (Node.MapNode) node;
            } else if (node == null || node instanceof Node.ScalarNode && ((Node.ScalarNode) node).isNull()) {
                m = new Node.MapNode(mark, List.of());
            } else {
                problems.add(mark, pathText(path, at), "cannot set field '" + key + "': it is inside " + node.typeName());
                return node;
            }
            Node.Entry e = m.entry(key);
            Node child = set(e == null ? null : e.value(), path, at + 1, o, problems);
            if (child == null) {
                return node; // nothing to set (a problem was reported, e.g. an index into a missing list)
            }
            return m.with(key, e == null ? mark : e.keyMark(), child);
        }
        int index = (Integer) seg;
        if (!(node instanceof Node.ListNode) || index < 0 || index >= ((Node.ListNode) node).items().size()) {
            problems.add(mark, pathText(path, at + 1), node instanceof Node.ListNode
                    ? "index " + index + " is out of range (the list has " + ((Node.ListNode) node).items().size()
                    + " items)" : "not a list");
            return node;
        }
        Node.ListNode l = (Node.ListNode) node;
        List<Node> items = new ArrayList<>(l.items());
        items.set(index, set(items.get(index), path, at + 1, o, problems));
        return new Node.ListNode(l.mark(), items);
    }

    static String pathText(List<Object> path, int upTo) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < upTo; i++) {
            Object s = path.get(i);
            if (s instanceof Integer) {
                sb.append('[').append(s).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(s);
            }
        }
        return sb.toString();
    }

    /** Gives every node of a {@code --set} value the argument as its position. */
    static Node remark(Node n, Mark mark) {
        if (n instanceof Node.MapNode) {
            List<Node.Entry> entries = new ArrayList<>();
            for (Node.Entry e : ((Node.MapNode) n).entries()) {
                entries.add(new Node.Entry(e.key(), mark, remark(e.value(), mark)));
            }
            return new Node.MapNode(mark, entries);
        }
        if (n instanceof Node.ListNode) {
            List<Node> items = new ArrayList<>();
            for (Node i : ((Node.ListNode) n).items()) {
                items.add(remark(i, mark));
            }
            return new Node.ListNode(mark, items);
        }
        return new Node.ScalarNode(mark, ((Node.ScalarNode) n).value(), ((Node.ScalarNode) n).raw());
    }
}
