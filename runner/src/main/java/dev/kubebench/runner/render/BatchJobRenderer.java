package dev.kubebench.runner.render;

import dev.kubebench.catalog.spec.JobSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain {@code batch/v1} Job: one pod per replica, all started together ({@code parallelism == completions}), with
 * {@code completionMode: Indexed} when there is more than one, so each pod learns its rank from
 * {@code JOB_COMPLETION_INDEX}. {@code backoffLimit: 0}: a benchmark pod that fails is a failed trial, not something
 * to retry silently and measure twice.
 */
final class BatchJobRenderer implements JobRenderer {
    /** The pod restart policy when the spec sets none; a Job pod may only use Never or OnFailure. */
    static final String DEFAULT_RESTART_POLICY = "Never";

    @Override
    public Map<String, Object> render(RenderContext ctx) {
        JobSpec job = ctx.job();
        int replicas = Replicas.total(Replicas.ordered(job));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("completions", replicas);
        spec.put("parallelism", replicas);
        if (replicas > 1) {
            spec.put("completionMode", "Indexed");
        }
        spec.put("backoffLimit", 0);
        spec.put("activeDeadlineSeconds", ctx.timeoutSeconds());
        String restartPolicy = job.restartPolicy() == null ? DEFAULT_RESTART_POLICY : job.restartPolicy();
        spec.put("template", PodTemplates.podTemplate(ctx, ReplicaShape.FULL, restartPolicy));
        return Trees.map("apiVersion", job.apiVersion(), "kind", job.kind().kindName(),
                "metadata", ctx.objectMetadata(ctx.jobName(), true), "spec", spec);
    }
}
