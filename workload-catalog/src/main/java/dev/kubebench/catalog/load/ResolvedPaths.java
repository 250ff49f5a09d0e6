package dev.kubebench.catalog.load;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Paths in a spec made absolute for the resolved spec a run records. */
final class ResolvedPaths {
    private ResolvedPaths() {
    }

    /**
     * The tree with {@code job.files} and {@code job.manifest} made absolute, so that the resolved YAML (written into
     * the run directory) still finds them. Templated paths are left as written.
     */
    static Node.MapNode absolute(Node.MapNode root, Path dir) {
        Node spec = root.get("spec");
        Node job = spec instanceof Node.MapNode ? ((Node.MapNode) spec).get("job") : null;
        if (!(job instanceof Node.MapNode)) {
            return root;
        }
        Node.MapNode j = (Node.MapNode) job;
        Node.Entry manifest = j.entry("manifest");
        if (manifest != null) {
            j = j.with("manifest", manifest.keyMark(), absoluteScalar(manifest.value(), dir));
        }
        Node.Entry files = j.entry("files");
        if (files != null && files.value() instanceof Node.MapNode) {
            List<Node.Entry> out = new ArrayList<>();
            for (Node.Entry e : ((Node.MapNode) files.value()).entries()) {
                out.add(new Node.Entry(e.key(), e.keyMark(), absoluteScalar(e.value(), dir)));
            }
            j = j.with("files", files.keyMark(), new Node.MapNode(files.value().mark(), out));
        }
        Node.MapNode s = ((Node.MapNode) spec).with("job", ((Node.MapNode) spec).entry("job").keyMark(), j);
        return root.with("spec", root.entry("spec").keyMark(), s);
    }

    private static Node absoluteScalar(Node n, Path dir) {
        if (!(n instanceof Node.ScalarNode) || !(((Node.ScalarNode) n).value() instanceof String)) {
            return n;
        }
        String p = (String) ((Node.ScalarNode) n).value();
        if (p.contains("{{")) {
            return n;
        }
        try {
            return new Node.ScalarNode(n.mark(), dir.resolve(p).normalize().toString());
        } catch (InvalidPathException e) {
            return n;
        }
    }
}
