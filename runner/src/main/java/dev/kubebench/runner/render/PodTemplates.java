package dev.kubebench.runner.render;

import dev.kubebench.catalog.spec.DataVolume;
import dev.kubebench.catalog.spec.EnvValue;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.NodePool;
import dev.kubebench.catalog.spec.Resources;
import dev.kubebench.catalog.spec.Scheduling;
import dev.kubebench.catalog.spec.Toleration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the pod-level pieces every job kind shares: the operator's container, resources, env, volumes and node-pool
 * placement. Each method returns a fresh mutable tree.
 */
final class PodTemplates {
    private PodTemplates() {
    }

    /** A pod template ({@code metadata.labels} + {@code spec}) for one replica type. */
    static Map<String, Object> podTemplate(RenderContext ctx, ReplicaShape shape, String podRestartPolicy) {
        Map<String, Object> spec = new LinkedHashMap<>();
        Trees.putIfPresent(spec, "restartPolicy", podRestartPolicy);
        applyScheduling(spec, ctx.spec().scheduling());
        applyPlacement(spec, ctx.spec().nodePool(), shape);
        List<Object> containers = new ArrayList<>();
        containers.add(container(ctx, ctx.job().kind().containerName(), shape));
        spec.put("containers", containers);
        Trees.putIfPresent(spec, "volumes", volumes(ctx));
        return Trees.map("metadata", Trees.map("labels", ctx.podLabels()), "spec", spec);
    }

    /** The operator's container: name, image, command/args (per shape), env, resources (per shape), mounts. */
    static Map<String, Object> container(RenderContext ctx, String name, ReplicaShape shape) {
        JobSpec job = ctx.job();
        Map<String, Object> c = Trees.map("name", name, "image", job.image());
        if (shape.command()) {
            Trees.putIfPresent(c, "command", Trees.list(job.command()));
            Trees.putIfPresent(c, "args", Trees.list(job.args()));
        }
        Trees.putIfPresent(c, "env", env(ctx));
        if (shape.resources()) {
            Trees.putIfPresent(c, "resources", resources(job.resources(), ctx.spec().nodePool()));
        }
        Trees.putIfPresent(c, "volumeMounts", volumeMounts(ctx));
        return c;
    }

    /**
     * {@code KUBEBENCH_FILES_DIR} first (when files are shipped), so that user variables and {@code $(VAR)} references
     * in command and args can use it, then the spec's env in declaration order.
     */
    static List<Object> env(RenderContext ctx) {
        List<Object> env = new ArrayList<>();
        if (ctx.shipsFiles()) {
            env.add(Trees.map("name", RenderContext.FILES_DIR_ENV, "value", JobSpec.FILES_MOUNT_PATH));
        }
        ctx.job().env().forEach((k, v) -> env.add(envVar(k, v)));
        return env;
    }

    /**
     * One container env entry as Kubernetes' {@code EnvVar}: {@code {name, value}} for a literal, else
     * {@code {name, valueFrom: {secretKeyRef | configMapKeyRef: {name, key, optional}}}} or
     * {@code {name, valueFrom: {fieldRef: {apiVersion: v1, fieldPath}}}}; a reference is never resolved here.
     */
    static Map<String, Object> envVar(String name, EnvValue value) {
        if (value instanceof EnvValue.Literal) {
            Map<String, Object> literal = Trees.map("name", name);
            literal.put("value", ((EnvValue.Literal) value).value());
            return literal;
        }
        Map<String, Object> from;
        if (value instanceof EnvValue.SecretKeyRef) {
            EnvValue.SecretKeyRef ref = (EnvValue.SecretKeyRef) value;
            from = Trees.map("secretKeyRef", keyRef(ref.name(), ref.key(), ref.optional()));
        } else if (value instanceof EnvValue.ConfigMapKeyRef) {
            EnvValue.ConfigMapKeyRef ref = (EnvValue.ConfigMapKeyRef) value;
            from = Trees.map("configMapKeyRef", keyRef(ref.name(), ref.key(), ref.optional()));
        } else {
            from = Trees.map("fieldRef", Trees.map("apiVersion", "v1",
                    "fieldPath", ((EnvValue.FieldRef) value).fieldPath()));
        }
        return Trees.map("name", name, "valueFrom", from);
    }

    private static Map<String, Object> keyRef(String name, String key, boolean optional) {
        return Trees.map("name", name, "key", key, "optional", optional ? Boolean.TRUE : null);
    }

    /**
     * Requests and limits. GPUs go into {@code limits} only, under the node pool's resource name: Kubernetes takes an
     * extended resource's request from its limit, and a request that differs is rejected. CPU and memory get equal
     * requests and limits, so a benchmark pod is Guaranteed QoS when both are set and is not throttled by neighbours.
     */
    static Map<String, Object> resources(Resources r, NodePool pool) {
        Map<String, Object> limits = new LinkedHashMap<>();
        Map<String, Object> requests = new LinkedHashMap<>();
        Trees.putIfPresent(requests, "cpu", r.cpu());
        Trees.putIfPresent(requests, "memory", r.memory());
        limits.putAll(requests);
        if (r.gpus() > 0) {
            limits.put(pool.gpuResource(), r.gpus());
        }
        return Trees.map("limits", limits, "requests", requests);
    }

    /** The data volumes' mounts, then the shipped files' mount (read-only). */
    static List<Object> volumeMounts(RenderContext ctx) {
        List<Object> mounts = new ArrayList<>();
        for (DataVolume v : ctx.spec().data()) {
            Map<String, Object> m = Trees.map("name", v.name(), "mountPath", v.mountPath());
            if (v.readOnly()) {
                m.put("readOnly", true);
            }
            mounts.add(m);
        }
        if (ctx.shipsFiles()) {
            mounts.add(Trees.map("name", RenderContext.FILES_VOLUME, "mountPath", JobSpec.FILES_MOUNT_PATH,
                    "readOnly", true));
        }
        return mounts;
    }

    /** One PersistentVolumeClaim volume per data volume, then the files ConfigMap volume. */
    static List<Object> volumes(RenderContext ctx) {
        List<Object> volumes = new ArrayList<>();
        for (DataVolume v : ctx.spec().data()) {
            Map<String, Object> claim = Trees.map("claimName", v.claim());
            if (v.readOnly()) {
                claim.put("readOnly", true);
            }
            volumes.add(Trees.map("name", v.name(), "persistentVolumeClaim", claim));
        }
        if (ctx.shipsFiles()) {
            volumes.add(Trees.map("name", RenderContext.FILES_VOLUME,
                    "configMap", Trees.map("name", ctx.filesConfigMapName())));
        }
        return volumes;
    }

    /** Sets {@code priorityClassName} and {@code schedulerName} from the spec's scheduling block. */
    static void applyScheduling(Map<String, Object> podSpec, Scheduling scheduling) {
        Trees.putIfPresent(podSpec, "priorityClassName", scheduling.priorityClass());
        Trees.putIfPresent(podSpec, "schedulerName", scheduling.schedulerName());
    }

    /** Sets node selector and affinity (when the shape is placed) and tolerations (always) from the node pool. */
    static void applyPlacement(Map<String, Object> podSpec, NodePool pool, ReplicaShape shape) {
        if (shape.placement()) {
            Trees.putIfPresent(podSpec, "nodeSelector", new LinkedHashMap<String, Object>(pool.nodeSelector()));
            Trees.putIfPresent(podSpec, "affinity", pool.affinity() == null ? null : Trees.copyMap(pool.affinity()));
        }
        Trees.putIfPresent(podSpec, "tolerations", tolerations(pool));
    }

    /** The pool's tolerations as Kubernetes objects; null fields are left out. */
    static List<Object> tolerations(NodePool pool) {
        List<Object> out = new ArrayList<>();
        for (Toleration t : pool.tolerations()) {
            out.add(Trees.map("key", t.key(), "operator", t.operator(), "value", t.value(), "effect", t.effect(),
                    "tolerationSeconds", t.tolerationSeconds()));
        }
        return out;
    }
}
