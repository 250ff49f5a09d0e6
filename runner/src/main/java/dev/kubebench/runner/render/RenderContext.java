package dev.kubebench.runner.render;

import dev.kubebench.catalog.spec.BenchmarkSpec;
import dev.kubebench.catalog.spec.JobSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a job renderer needs for one trial.
 *
 * @param spec               the trial's resolved spec
 * @param jobName            the job's name (a DNS-1035 label)
 * @param namespace          the namespace every object goes to
 * @param runLabels          run id, trial and benchmark labels, in output order
 * @param timeoutSeconds     the trial timeout in whole seconds (rounded up, at least 1)
 * @param filesConfigMapName the shipped-files ConfigMap's name, or null when the job ships no files
 */
record RenderContext(BenchmarkSpec spec, String jobName, String namespace, Map<String, String> runLabels,
                     long timeoutSeconds, String filesConfigMapName) {
    /** The name of the volume that carries the shipped files. */
    static final String FILES_VOLUME = "kubebench-files";
    /** The env var that tells workloads where the shipped files are. */
    static final String FILES_DIR_ENV = "KUBEBENCH_FILES_DIR";

    RenderContext {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(namespace, "namespace");
        runLabels = Collections.unmodifiableMap(new LinkedHashMap<>(runLabels));
    }

    JobSpec job() {
        return spec.job();
    }

    boolean shipsFiles() {
        return filesConfigMapName != null;
    }

    /** {@code metadata} of a top-level object: name, namespace, run labels and, for the job, the Kueue queue. */
    Map<String, Object> objectMetadata(String name, boolean withQueue) {
        return Trees.map("name", name, "namespace", namespace, "labels", objectLabels(withQueue));
    }

    /** The run labels plus, when asked for and a queue is set, {@code kueue.x-k8s.io/queue-name}. */
    Map<String, Object> objectLabels(boolean withQueue) {
        Map<String, Object> labels = new LinkedHashMap<>(runLabels);
        String queue = spec.scheduling().queue();
        if (withQueue && queue != null) {
            labels.put(RunLabels.KUEUE_QUEUE, queue);
        }
        return labels;
    }

    /** The run labels as a fresh mutable map (for pod templates). */
    Map<String, Object> podLabels() {
        return new LinkedHashMap<>(runLabels);
    }
}
