package dev.kubebench.catalog.load;

import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.core.error.KubebenchException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What kubebench needs from a bring-your-own manifest: its kind, apiVersion and replica counts. */
record ManifestInfo(String kind, String apiVersion, Map<String, Integer> replicas) {
    static ManifestInfo read(Path file, Fields job, Problems problems) {
        Mark at = job.markOf("manifest");
        Node root;
        try {
            root = jobDocument(YamlDocuments.readFile(file, file.toString()), at, problems);
        } catch (KubebenchException e) {
            problems.addAll(e);
            return null;
        }
        if (root == null) {
            return null;
        }
        if (!(root instanceof Node.MapNode)) {
            problems.add(at, "spec.job.manifest", "the manifest is not a Kubernetes object (a mapping)");
            return null;
        }
        Node.MapNode m = (Node.MapNode) root;
        String kind = text(m.get("kind"));
        String apiVersion = text(m.get("apiVersion"));
        if (kind == null || apiVersion == null) {
            problems.add(at, "spec.job.manifest", "the manifest needs apiVersion and kind");
            return null;
        }
        Map<String, Integer> replicas = new LinkedHashMap<>();
        JobKind k = JobKind.byKindName(kind).orElse(null);
        Node spec = m.get("spec");
        if (k != null && spec instanceof Node.MapNode) {
            Node.MapNode s = (Node.MapNode) spec;
            if (k.replicaSpecsField() != null && s.get(k.replicaSpecsField()) instanceof Node.MapNode) {
                for (Node.Entry e : ((Node.MapNode) s.get(k.replicaSpecsField())).entries()) {
                    String type = JobBinder.canonicalType(k, e.key());
                    Node r = e.value() instanceof Node.MapNode ? ((Node.MapNode) e.value()).get("replicas") : null;
                    String t = type == null ? e.key() : type;
                    replicas.put(t, count(r, 1));
                    containers(k, t, e.value(), problems);
                    // Webhook-rule errors about these counts point into the manifest.
                    job.marks().put("spec.job.replicas." + t, r == null ? e.keyMark() : r.mark());
                }
            } else if (k == JobKind.TRAIN_JOB && s.get("trainer") instanceof Node.MapNode) {
                replicas.put("Node", count(((Node.MapNode) s.get("trainer")).get("numNodes"), 1));
            } else if (k == JobKind.JOB) {
                int completions = count(s.get("completions"), count(s.get("parallelism"), 1));
                replicas.put("Worker", completions);
            }
        }
        return new ManifestInfo(kind, apiVersion, replicas);
    }

    /**
     * The job among a manifest's documents: the one object of a kind kubebench runs (the others, a
     * TrainingRuntime or ConfigMap, are created next to it); the only document when none is such a kind, so
     * that its kind is reported.
     */
    private static Node jobDocument(List<Node> documents, Mark at, Problems problems) {
        List<Node> jobs = documents.stream().filter(d -> d instanceof Node.MapNode m
                && JobKind.byKindName(text(m.get("kind"))).isPresent()).toList();
        if (jobs.size() == 1) {
            return jobs.get(0);
        }
        if (jobs.isEmpty() && documents.size() == 1) {
            return documents.get(0);
        }
        problems.add(at, "spec.job.manifest", documents.isEmpty() ? "the manifest holds no document"
                : "the manifest holds " + jobs.size() + " objects of a job kind; exactly one is the job");
        return null;
    }

    /**
     * The v1 webhooks require a container with the kind's name (pytorch, tensorflow, ...) in every replica and an
     * image on every container; the MPIJob operators use containers[0], which must exist.
     */
    private static void containers(JobKind k, String type, Node replica, Problems problems) {
        Node template = replica instanceof Node.MapNode ? ((Node.MapNode) replica).get("template") : null;
        Node pod = template instanceof Node.MapNode ? ((Node.MapNode) template).get("spec") : null;
        Node list = pod instanceof Node.MapNode ? ((Node.MapNode) pod).get("containers") : null;
        String where = "spec.job.manifest";
        if (!(list instanceof Node.ListNode) || ((Node.ListNode) list).items().isEmpty()) {
            problems.add(replica.mark(), where, "replica " + type + " has no template.spec.containers");
            return;
        }
        boolean named = false;
        for (Node c : ((Node.ListNode) list).items()) {
            Node.MapNode cm = c instanceof Node.MapNode ? (Node.MapNode) c : null;
            String name = cm == null ? null : text(cm.get("name"));
            named |= k.containerName().equals(name);
            if (cm == null || text(cm.get("image")) == null || text(cm.get("image")).isBlank()) {
                problems.add(c.mark(), where, "replica " + type + ": container '" + name + "' needs an image");
            }
        }
        boolean needsName = k != JobKind.MPI_JOB;
        if (needsName && !named) {
            problems.add(list.mark(), where, "replica " + type + " has no container named '" + k.containerName()
                    + "'; the " + k.kindName() + " webhook requires one (the operator injects its environment"
                    + " and port there)");
        }
    }

    private static String text(Node n) {
        return n instanceof Node.ScalarNode && !((Node.ScalarNode) n).isNull() ? ((Node.ScalarNode) n).text() : null;
    }

    private static int count(Node n, int dflt) {
        if (n instanceof Node.ScalarNode && ((Node.ScalarNode) n).value() instanceof Long) {
            long v = (Long) ((Node.ScalarNode) n).value();
            return (int) Math.max(0, Math.min(v, JobBinder.MAX_REPLICAS));
        }
        return dflt;
    }
}
