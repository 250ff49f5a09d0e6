package dev.kubebench.runner.render;

import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Scheduling;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Training Operator v1 kinds (PyTorchJob, TFJob, XGBoostJob, JAXJob, PaddleJob, MPIJob under
 * {@code kubeflow.org/v1}) and the standalone MPI operator's MPIJob ({@code kubeflow.org/v2beta1}). They share the shape
 * {@code spec.<kind>ReplicaSpecs.<Type>{replicas, restartPolicy, template}} and {@code spec.runPolicy}.
 */
final class KubeflowJobRenderer implements JobRenderer {
    /** The standalone MPI operator's API version (the one Kueue's MPIJob integration watches). */
    static final String MPI_V2BETA1 = "kubeflow.org/v2beta1";

    @Override
    public Map<String, Object> render(RenderContext ctx) {
        JobSpec job = ctx.job();
        JobKind kind = job.kind();
        Map<String, Integer> replicas = Replicas.ordered(job);
        Map<String, Object> spec = new LinkedHashMap<>();
        if (kind == JobKind.PYTORCH_JOB && job.numProcPerNode() != null) {
            // The CRD types nprocPerNode as a string because it also takes "auto", "cpu" and "gpu".
            spec.put("nprocPerNode", Integer.toString(job.numProcPerNode()));
        }
        if (kind == JobKind.MPI_JOB && job.slotsPerWorker() != null) {
            spec.put("slotsPerWorker", job.slotsPerWorker());
        }
        spec.put("runPolicy", runPolicy(ctx, Replicas.total(replicas)));
        Map<String, Object> specs = new LinkedHashMap<>();
        replicas.forEach((type, count) -> specs.put(type, replicaSpec(ctx, type, count)));
        spec.put(kind.replicaSpecsField(), specs);
        return Trees.map("apiVersion", job.apiVersion(), "kind", kind.kindName(),
                "metadata", ctx.objectMetadata(ctx.jobName(), true), "spec", spec);
    }

    private static Map<String, Object> replicaSpec(RenderContext ctx, String type, int count) {
        return Trees.map("replicas", count, "restartPolicy", ctx.job().restartPolicy(),
                "template", PodTemplates.podTemplate(ctx, shape(ctx.job().kind(), type), null));
    }

    static ReplicaShape shape(JobKind kind, String type) {
        if (kind != JobKind.MPI_JOB) {
            return ReplicaShape.FULL;
        }
        return Replicas.MPI_LAUNCHER.equals(type) ? ReplicaShape.MPI_LAUNCHER : ReplicaShape.MPI_WORKER;
    }

    /**
     * {@code activeDeadlineSeconds} is the trial timeout, a safety net that stops the job even when kubebench is gone
     * (it counts from the job's start, so kubebench's own timeout, which includes queueing, fires first).
     * {@code schedulingPolicy} is set only with gang scheduling: the operators read it only when their gang scheduler
     * flag is on, and then create a PodGroup of {@code minAvailable} pods.
     */
    static Map<String, Object> runPolicy(RenderContext ctx, int totalReplicas) {
        Map<String, Object> runPolicy = Trees.map("activeDeadlineSeconds", ctx.timeoutSeconds());
        Map<String, Object> gang = schedulingPolicy(ctx.spec().scheduling(), totalReplicas);
        Trees.putIfPresent(runPolicy, "schedulingPolicy", gang);
        return runPolicy;
    }

    /** The gang-scheduling policy, or null without gang scheduling. */
    static Map<String, Object> schedulingPolicy(Scheduling scheduling, int totalReplicas) {
        if (!scheduling.gang()) {
            return null;
        }
        int minAvailable = scheduling.minAvailable() == null ? totalReplicas : scheduling.minAvailable();
        return Trees.map("minAvailable", minAvailable, "queue", scheduling.queue(),
                "priorityClass", scheduling.priorityClass());
    }
}
