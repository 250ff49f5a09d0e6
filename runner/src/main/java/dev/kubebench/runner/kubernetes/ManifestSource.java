package dev.kubebench.runner.kubernetes;

import dev.kubebench.catalog.plan.Trial;
import java.util.List;
import java.util.Map;

/**
 * Turns a trial into the Kubernetes objects to create, as plain {@code Map} trees in creation order (ConfigMaps
 * first, the job last). Exactly one object must be the trial's job (its kind is the spec's job kind). The backend
 * adds the {@code kubebench.dev/*} labels and the namespace where they are missing.
 */
@FunctionalInterface
public interface ManifestSource {
    /**
     * @param trial   the trial
     * @param runId   the run id ({@code yyyyMMdd-HHmmss-<6 hex>})
     * @param jobName the job's name, from {@link dev.kubebench.catalog.plan.JobNames#jobName}
     */
    List<Map<String, Object>> manifests(Trial trial, String runId, String jobName);
}
