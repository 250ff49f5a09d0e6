package dev.kubebench.runner.render;

import java.util.Map;
import java.util.Set;

/**
 * Kinds whose objects have no namespace. A manifest's extra objects are created by kind; a cluster-scoped one is
 * shared by the whole cluster, so kubebench creates it only when asked ({@code run --allow-cluster-scoped}).
 */
public final class ClusterScopedKinds {
    private static final Set<String> KINDS = Set.of("ClusterTrainingRuntime", "ClusterRole", "ClusterRoleBinding",
            "Namespace", "Node", "PersistentVolume", "StorageClass", "PriorityClass", "RuntimeClass", "IngressClass",
            "CustomResourceDefinition", "APIService", "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration", "ClusterQueue", "ResourceFlavor", "Cohort", "WorkloadPriorityClass",
            "CSIDriver", "VolumeAttachment");

    private ClusterScopedKinds() {
    }

    /** True for a kind known to be cluster-scoped (by name; any other {@code Cluster*} kind counts too). */
    public static boolean isClusterScoped(String kind) {
        return kind != null && (KINDS.contains(kind) || kind.startsWith("Cluster"));
    }

    /** True for an object tree of a cluster-scoped kind. */
    public static boolean isClusterScoped(Map<String, Object> object) {
        Object kind = object.get("kind");
        return kind instanceof String k && isClusterScoped(k);
    }
}
