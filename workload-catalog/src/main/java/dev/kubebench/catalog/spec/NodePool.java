package dev.kubebench.catalog.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where replicas run.
 *
 * @param name         a name for reports (e.g. {@code h100}); may be null
 * @param nodeSelector node labels every replica must match
 * @param tolerations  tolerations added to every replica
 * @param affinity     a Kubernetes {@code affinity} object as plain maps/lists, or null
 * @param gpuResource  the extended resource name for GPUs, default {@code nvidia.com/gpu}
 * @param gpusPerNode  GPUs per node in this pool, when known (capacity planning, preflight); null otherwise
 */
public record NodePool(String name, Map<String, String> nodeSelector, List<Toleration> tolerations,
                       Map<String, Object> affinity, String gpuResource, Integer gpusPerNode) {
    public static final String DEFAULT_GPU_RESOURCE = "nvidia.com/gpu";
    public static final NodePool DEFAULT = new NodePool(null, Map.of(), List.of(), null, DEFAULT_GPU_RESOURCE, null);

    public NodePool {
        nodeSelector = Collections.unmodifiableMap(new LinkedHashMap<>(nodeSelector == null ? Map.of() : nodeSelector));
        tolerations = List.copyOf(tolerations == null ? List.of() : tolerations);
        affinity = affinity == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(affinity));
        gpuResource = gpuResource == null ? DEFAULT_GPU_RESOURCE : gpuResource;
    }
}
