package dev.kubebench.runner.render;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.Resources;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Patches a user's own job manifest ({@code job.manifest}) instead of generating one. The rule: what the spec sets
 * wins, what it leaves out keeps the manifest's value. In detail (docs/render.md lists the same):
 * <ul>
 *   <li>{@code metadata}: name and namespace replaced; run labels (and the Kueue queue label) added to the labels;
 *       server-set fields ({@code uid}, {@code resourceVersion}, {@code managedFields}, ...) and {@code status}
 *       removed.</li>
 *   <li>every replica: {@code replicas} and {@code restartPolicy} when the spec sets them; the pod template gets the
 *       run labels, priority class and scheduler name when set, the node pool (node selector merged, tolerations
 *       appended, affinity replaced when the pool has one), the data and files volumes; the operator's container
 *       (found by name, or the first container for MPIJob and Job) gets image, command/args, env (merged by
 *       name), resources (merged per resource) and volume mounts, each only when the spec sets it.</li>
 *   <li>{@code runPolicy.activeDeadlineSeconds} (TrainJob and Job: {@code spec.activeDeadlineSeconds}) is the
 *       timeout; {@code runPolicy.schedulingPolicy} is merged with gang scheduling.</li>
 *   <li>TrainJob: {@code spec.trainer} fields the spec sets, {@code runtimeRef.name} when {@code job.runtime} is set,
 *       and the {@code kubebench.dev} runtime patch (replacing an earlier one by the same manager).</li>
 * </ul>
 */
final class ManifestPatcher {
    /** Metadata the API server sets; copying them into a new object would make the create fail or misbehave. */
    static final Set<String> SERVER_METADATA = Set.of("uid", "resourceVersion", "generation",
            "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink",
            "generateName", "ownerReferences");
    private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private final RenderContext ctx;
    private final Path source;

    private ManifestPatcher(RenderContext ctx, Path source) {
        this.ctx = ctx;
        this.source = source;
    }

    /** Patches the job {@code manifest} (read from {@code source}) for the trial. */
    static Map<String, Object> patch(RenderContext ctx, Path source, Map<String, Object> manifest) {
        return new ManifestPatcher(ctx, source).patch(manifest);
    }

    private Map<String, Object> patch(Map<String, Object> cr) {
        JobSpec job = ctx.job();
        JobKind kind = job.kind();
        String apiVersion = checkType(cr, kind);
        cr.remove("status");
        patchMetadata(Trees.child(cr, "metadata"));
        Map<String, Object> spec = requireMap(cr, "spec", "spec");
        switch (kind) {
            case TRAIN_JOB -> patchTrainJob(spec);
            case JOB -> patchBatchJob(spec);
            default -> patchKubeflowJob(spec, kind);
        }
        Map<String, Object> ordered = Trees.map("apiVersion", apiVersion, "kind", kind.kindName(),
                "metadata", cr.get("metadata"), "spec", spec);
        cr.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** The manifest's apiVersion, after checking that its kind is job.kind and its apiVersion one the kind has. */
    private String checkType(Map<String, Object> cr, JobKind kind) {
        Object manifestKind = cr.get("kind");
        Object apiVersion = cr.get("apiVersion");
        if (!kind.kindName().equals(manifestKind)) {
            throw fail("kind", "is " + manifestKind + " but job.kind is " + kind.kindName());
        }
        boolean known = kind.apiVersion().equals(apiVersion)
                || kind == JobKind.MPI_JOB && KubeflowJobRenderer.MPI_V2BETA1.equals(apiVersion);
        if (!known) {
            throw fail("apiVersion", apiVersion + " is not an API version kubebench renders for " + kind.kindName()
                    + " (expected " + kind.apiVersion()
                    + (kind == JobKind.MPI_JOB ? " or " + KubeflowJobRenderer.MPI_V2BETA1 : "") + ")");
        }
        return (String) apiVersion;
    }

    private void patchMetadata(Map<String, Object> metadata) {
        SERVER_METADATA.forEach(metadata::remove);
        Map<String, Object> annotations = Trees.asMap(metadata.get("annotations"));
        if (annotations != null) {
            annotations.remove(LAST_APPLIED);
            if (annotations.isEmpty()) {
                metadata.remove("annotations");
            }
        }
        Map<String, Object> labels = Trees.child(metadata, "labels");
        Map<String, Object> patched = new LinkedHashMap<>();
        patched.put("name", ctx.jobName());
        patched.put("namespace", ctx.namespace());
        patched.put("labels", labels);
        metadata.forEach(patched::putIfAbsent);
        metadata.clear();
        metadata.putAll(patched);
        labels.putAll(ctx.objectLabels(true));
    }

    private void patchKubeflowJob(Map<String, Object> spec, JobKind kind) {
        JobSpec job = ctx.job();
        String field = kind.replicaSpecsField();
        Map<String, Object> replicaSpecs = canonicalTypes(requireMap(spec, field, "spec." + field), kind);
        spec.put(field, replicaSpecs);
        for (String type : job.replicas().keySet()) {
            if (!replicaSpecs.containsKey(type)) {
                throw fail("spec." + field, "has no " + type + " replica, but job.replicas sets one; add it to the"
                        + " manifest or remove it from job.replicas");
            }
        }
        int total = 0;
        for (Map.Entry<String, Object> e : replicaSpecs.entrySet()) {
            String type = e.getKey();
            String path = "spec." + field + "." + type;
            Map<String, Object> replicaSpec = Trees.asMap(e.getValue());
            if (replicaSpec == null) {
                throw fail(path, "must be a mapping");
            }
            Integer replicas = job.replicas().get(type);
            if (replicas != null) {
                replicaSpec.put("replicas", replicas);
            }
            Object count = replicaSpec.get("replicas");
            // The operators default a missing replicas to 1.
            total += count instanceof Number ? ((Number) count).intValue() : 1;
            if (job.restartPolicy() != null) {
                replicaSpec.put("restartPolicy", job.restartPolicy());
            }
            patchPodTemplate(requireMap(replicaSpec, "template", path + ".template"), path + ".template",
                    KubeflowJobRenderer.shape(kind, type), kind == JobKind.MPI_JOB);
        }
        if (kind == JobKind.PYTORCH_JOB && job.numProcPerNode() != null) {
            spec.put("nprocPerNode", Integer.toString(job.numProcPerNode()));
        }
        if (kind == JobKind.MPI_JOB && job.slotsPerWorker() != null) {
            spec.put("slotsPerWorker", job.slotsPerWorker());
        }
        Map<String, Object> runPolicy = Trees.child(spec, "runPolicy");
        runPolicy.put("activeDeadlineSeconds", ctx.timeoutSeconds());
        Map<String, Object> gang = KubeflowJobRenderer.schedulingPolicy(ctx.spec().scheduling(), total);
        if (gang != null) {
            Trees.child(runPolicy, "schedulingPolicy").putAll(gang);
        }
    }

    /**
     * The replica specs with their types in the operator's CamelCase ({@code master} becomes {@code Master}), as the
     * operator normalises them ({@code setTypeNameToCamelCase}); unknown types are kept as written.
     */
    private static Map<String, Object> canonicalTypes(Map<String, Object> replicaSpecs, JobKind kind) {
        Map<String, Object> out = new LinkedHashMap<>();
        replicaSpecs.forEach((type, value) -> {
            String canonical = type;
            for (String known : kind.replicaTypes()) {
                if (known.equalsIgnoreCase(type)) {
                    canonical = known;
                }
            }
            out.put(canonical, value);
        });
        return out;
    }

    private void patchBatchJob(Map<String, Object> spec) {
        JobSpec job = ctx.job();
        if (!job.replicas().isEmpty()) {
            int replicas = job.totalReplicas();
            spec.put("completions", replicas);
            spec.put("parallelism", replicas);
            if (replicas > 1) {
                spec.put("completionMode", "Indexed");
            }
        }
        spec.put("activeDeadlineSeconds", ctx.timeoutSeconds());
        Map<String, Object> template = requireMap(spec, "template", "spec.template");
        patchPodTemplate(template, "spec.template", ReplicaShape.FULL, true);
        if (job.restartPolicy() != null) {
            requireMap(template, "spec", "spec.template.spec").put("restartPolicy", job.restartPolicy());
        }
    }

    private void patchTrainJob(Map<String, Object> spec) {
        JobSpec job = ctx.job();
        if (job.runtime() != null) {
            Trees.child(spec, "runtimeRef").put("name", job.runtime());
        }
        spec.put("activeDeadlineSeconds", ctx.timeoutSeconds());
        Map<String, Object> trainer = Trees.child(spec, "trainer");
        Trees.putIfPresent(trainer, "image", job.image());
        Trees.putIfPresent(trainer, "command", Trees.list(job.command()));
        Trees.putIfPresent(trainer, "args", Trees.list(job.args()));
        Trees.mergeByName(Trees.childList(trainer, "env"), PodTemplates.env(ctx));
        if (trainer.get("env") instanceof List && ((List<?>) trainer.get("env")).isEmpty()) {
            trainer.remove("env");
        }
        if (!job.replicas().isEmpty()) {
            trainer.put("numNodes", job.totalReplicas());
        }
        if (!job.resources().equals(Resources.NONE)) {
            mergeResources(Trees.child(trainer, "resourcesPerNode"));
        }
        Trees.putIfPresent(trainer, "numProcPerNode", job.numProcPerNode());
        List<Object> patches = Trees.childList(spec, "runtimePatches");
        patches.removeIf(p -> Trees.asMap(p) != null && RunLabels.MANAGER.equals(Trees.asMap(p).get("manager")));
        patches.add(TrainJobRenderer.runtimePatch(ctx));
    }

    /** Applies labels, scheduling, placement, volumes and the container patch to one pod template. */
    private void patchPodTemplate(Map<String, Object> template, String path, ReplicaShape shape,
                                  boolean firstContainerFallback) {
        if (!template.containsKey("metadata")) {
            // Keep metadata before spec, as a reader expects, when the manifest had none.
            Map<String, Object> rest = new LinkedHashMap<>(template);
            template.clear();
            template.put("metadata", new LinkedHashMap<String, Object>());
            template.putAll(rest);
        }
        Trees.child(Trees.child(template, "metadata"), "labels").putAll(ctx.podLabels());
        Map<String, Object> podSpec = requireMap(template, "spec", path + ".spec");
        PodTemplates.applyScheduling(podSpec, ctx.spec().scheduling());
        if (shape.placement()) {
            Trees.child(podSpec, "nodeSelector").putAll(ctx.spec().nodePool().nodeSelector());
            if (ctx.spec().nodePool().affinity() != null) {
                podSpec.put("affinity", Trees.copyMap(ctx.spec().nodePool().affinity()));
            }
        }
        Trees.appendMissing(Trees.childList(podSpec, "tolerations"),
                PodTemplates.tolerations(ctx.spec().nodePool()));
        Trees.mergeByName(Trees.childList(podSpec, "volumes"), PodTemplates.volumes(ctx));
        patchContainer(operatorContainer(podSpec, path + ".spec.containers", firstContainerFallback), shape);
        Trees.dropEmpty(podSpec, "nodeSelector", "tolerations", "volumes");
    }

    private Map<String, Object> operatorContainer(Map<String, Object> podSpec, String path, boolean fallback) {
        List<Object> containers = Trees.asList(podSpec.get("containers"));
        if (containers == null || containers.isEmpty()) {
            throw fail(path, "must list at least one container");
        }
        String name = ctx.job().kind().containerName();
        for (Object c : containers) {
            Map<String, Object> container = Trees.asMap(c);
            if (container != null && name.equals(container.get("name"))) {
                return container;
            }
        }
        Map<String, Object> first = Trees.asMap(containers.get(0));
        if (!fallback || first == null) {
            throw fail(path, "has no container named \"" + name + "\", which the " + ctx.job().kind().kindName()
                    + " operator requires");
        }
        return first;
    }

    private void patchContainer(Map<String, Object> container, ReplicaShape shape) {
        JobSpec job = ctx.job();
        Trees.putIfPresent(container, "image", job.image());
        if (shape.command()) {
            Trees.putIfPresent(container, "command", Trees.list(job.command()));
            Trees.putIfPresent(container, "args", Trees.list(job.args()));
        }
        Trees.mergeByName(Trees.childList(container, "env"), PodTemplates.env(ctx));
        if (shape.resources() && !job.resources().equals(Resources.NONE)) {
            mergeResources(Trees.child(container, "resources"));
        }
        Trees.mergeByName(Trees.childList(container, "volumeMounts"), PodTemplates.volumeMounts(ctx));
        Trees.dropEmpty(container, "env", "volumeMounts");
    }

    /** Sets each limit and request the spec gives, keeping the manifest's other resources. */
    private void mergeResources(Map<String, Object> resources) {
        Map<String, Object> wanted = PodTemplates.resources(ctx.job().resources(), ctx.spec().nodePool());
        for (String key : List.of("limits", "requests")) {
            Map<String, Object> values = Trees.asMap(wanted.get(key));
            if (values != null) {
                Trees.child(resources, key).putAll(values);
            }
        }
    }

    private Map<String, Object> requireMap(Map<String, Object> parent, String key, String path) {
        Map<String, Object> child = Trees.asMap(parent.get(key));
        if (child == null) {
            throw fail(path, parent.containsKey(key) ? "must be a mapping" : "is missing");
        }
        return child;
    }

    private KubebenchException fail(String path, String message) {
        return new KubebenchException(Failure.INVALID_INPUT, source + ": " + path + ": " + message);
    }
}
