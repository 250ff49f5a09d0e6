package dev.kubebench.runner.render;

import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.NodePool;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Kubeflow Trainer v2.3 TrainJob ({@code trainer.kubeflow.org/v1alpha1}). The job's image, command, env, node count and
 * per-node resources go into {@code spec.trainer}, which overrides the runtime's {@code node} container. Everything the
 * trainer block cannot say (pod labels, node selector, tolerations, affinity, volumes and mounts) goes into one
 * {@code spec.runtimePatches} entry owned by manager {@code kubebench.dev}, targeting the runtime's {@code node}
 * replicated job: since v2.2 runtime patches are the only way to shape a TrainJob's pods.
 */
final class TrainJobRenderer implements JobRenderer {
    /** The stock runtime for PyTorch (kubeflow/trainer v2.3.0 manifests/base/runtimes). */
    static final String DEFAULT_RUNTIME = "torch-distributed";
    static final String API_GROUP = "trainer.kubeflow.org";
    static final String RUNTIME_KIND = "ClusterTrainingRuntime";
    /** The replicated job (and container) in the runtime that {@code spec.trainer} overrides. */
    static final String TRAINER_JOB = "node";

    @Override
    public Map<String, Object> render(RenderContext ctx) {
        JobSpec job = ctx.job();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("runtimeRef", Trees.map("name", job.runtime() == null ? DEFAULT_RUNTIME : job.runtime(),
                "apiGroup", API_GROUP, "kind", RUNTIME_KIND));
        spec.put("activeDeadlineSeconds", ctx.timeoutSeconds());
        spec.put("trainer", trainer(ctx));
        spec.put("runtimePatches", List.of(runtimePatch(ctx)));
        return Trees.map("apiVersion", job.apiVersion(), "kind", job.kind().kindName(),
                "metadata", ctx.objectMetadata(ctx.jobName(), true), "spec", spec);
    }

    private static Map<String, Object> trainer(RenderContext ctx) {
        JobSpec job = ctx.job();
        Map<String, Object> trainer = new LinkedHashMap<>();
        Trees.putIfPresent(trainer, "image", job.image());
        Trees.putIfPresent(trainer, "command", Trees.list(job.command()));
        Trees.putIfPresent(trainer, "args", Trees.list(job.args()));
        Trees.putIfPresent(trainer, "env", PodTemplates.env(ctx));
        trainer.put("numNodes", Replicas.total(Replicas.ordered(job)));
        Trees.putIfPresent(trainer, "resourcesPerNode", PodTemplates.resources(job.resources(), ctx.spec().nodePool()));
        Trees.putIfPresent(trainer, "numProcPerNode", job.numProcPerNode());
        return trainer;
    }

    /**
     * The kubebench runtime patch: run labels on the JobSet and the pods, node-pool placement, and the data and files
     * volumes with their mounts in the {@code node} container.
     */
    static Map<String, Object> runtimePatch(RenderContext ctx) {
        NodePool pool = ctx.spec().nodePool();
        Map<String, Object> podSpec = new LinkedHashMap<>();
        PodTemplates.applyPlacement(podSpec, pool, ReplicaShape.FULL);
        Trees.putIfPresent(podSpec, "volumes", PodTemplates.volumes(ctx));
        List<Object> mounts = PodTemplates.volumeMounts(ctx);
        if (!mounts.isEmpty()) {
            List<Object> containers = new ArrayList<>();
            containers.add(Trees.map("name", TRAINER_JOB, "volumeMounts", mounts));
            podSpec.put("containers", containers);
        }
        Map<String, Object> podTemplate = Trees.map("metadata", Trees.map("labels", ctx.podLabels()), "spec", podSpec);
        Map<String, Object> replicatedJob = Trees.map("name", TRAINER_JOB,
                "template", Trees.map("spec", Trees.map("template", podTemplate)));
        List<Object> replicatedJobs = new ArrayList<>();
        replicatedJobs.add(replicatedJob);
        Map<String, Object> template = Trees.map("metadata", Trees.map("labels", ctx.podLabels()),
                "spec", Trees.map("replicatedJobs", replicatedJobs));
        return Trees.map("manager", RunLabels.MANAGER, "trainingRuntimeSpec", Trees.map("template", template));
    }
}
