package dev.kubebench.runner.render;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a manifest holds next to its job (a TrainingRuntime, a ConfigMap, a Service...): created before the
 * job, carrying the run labels so that they are deleted with it, in the trial's namespace. Their names are kept, and
 * so is everything else but what the API server sets. Cluster-scoped objects (a ClusterTrainingRuntime) are shared
 * by the whole cluster: they are only accepted when the run allows them.
 */
final class ManifestCompanions {
    private ManifestCompanions() {
    }

    /**
     * @throws KubebenchException (invalid input) for a cluster-scoped object when {@code allowClusterScoped} is off
     */
    static List<Map<String, Object>> stamp(RenderContext ctx, Path source, List<Map<String, Object>> others,
                                           boolean allowClusterScoped) {
        List<String> clusterScoped = others.stream().filter(ClusterScopedKinds::isClusterScoped)
                .map(o -> o.get("kind") + " " + name(o)).toList();
        if (!clusterScoped.isEmpty() && !allowClusterScoped) {
            throw new KubebenchException(Failure.INVALID_INPUT, "job.manifest: " + source + " holds cluster-scoped "
                    + "object(s) " + String.join(", ", clusterScoped) + ", which every namespace shares; create them "
                    + "beforehand, or let kubebench create and delete them with `kubebench run --allow-cluster-scoped`");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> o : others) {
            Map<String, Object> copy = Trees.copyMap(o);
            copy.remove("status");
            Map<String, Object> metadata = Trees.child(copy, "metadata");
            ManifestPatcher.SERVER_METADATA.forEach(metadata::remove);
            if (ClusterScopedKinds.isClusterScoped(copy)) {
                metadata.remove("namespace");
            } else {
                metadata.put("namespace", ctx.namespace());
            }
            Map<String, Object> labels = new LinkedHashMap<>(Trees.child(metadata, "labels"));
            labels.putAll(ctx.objectLabels(false));
            metadata.put("labels", labels);
            out.add(copy);
        }
        return out;
    }

    private static String name(Map<String, Object> object) {
        Map<String, Object> metadata = Trees.asMap(object.get("metadata"));
        return metadata == null ? "(unnamed)" : String.valueOf(metadata.get("name"));
    }
}
