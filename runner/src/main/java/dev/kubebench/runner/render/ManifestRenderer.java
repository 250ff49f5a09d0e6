package dev.kubebench.runner.render;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.JobNames;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.BenchmarkSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the Kubernetes objects kubebench creates for a trial, without a cluster: a pure function of the trial, the
 * run id and the namespace (plus the contents of shipped files and of a {@code job.manifest}). The same objects are
 * printed by {@code kubebench render}, written to {@code trials/<n>/manifest.yaml} and submitted by the Kubernetes
 * backend. What is rendered per kind is documented in docs/render.md.
 */
public final class ManifestRenderer {
    private final boolean allowClusterScoped;

    /** A renderer that rejects cluster-scoped objects in a {@code job.manifest}. */
    public ManifestRenderer() {
        this(false);
    }

    /**
     * @param allowClusterScoped whether a {@code job.manifest} may hold cluster-scoped objects (a
     *                           ClusterTrainingRuntime) to create and delete with each trial
     */
    public ManifestRenderer(boolean allowClusterScoped) {
        this.allowClusterScoped = allowClusterScoped;
    }

    /**
     * The objects for one trial: the files ConfigMap when the job ships files, a {@code job.manifest}'s other objects,
     * then the job.
     *
     * @param trial     the trial, with its sweep point substituted
     * @param runId     the run id (label {@code kubebench.dev/run-id}; its last 6 characters go into the job name)
     * @param namespace the namespace of every object
     * @throws dev.kubebench.core.error.KubebenchException (invalid input) when a shipped file or the job manifest
     *         cannot be read or does not fit
     */
    public RenderedTrial render(Trial trial, String runId, String namespace) {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(namespace, "namespace");
        Benchmark benchmark = trial.benchmark();
        BenchmarkSpec spec = benchmark.spec();
        String benchmarkName = benchmark.metadata().name();
        String jobName = JobNames.jobName(benchmarkName, runId, trial.index());
        String filesName = spec.job().files().isEmpty() ? null : FilesConfigMap.name(jobName);
        RenderContext ctx = new RenderContext(spec, jobName, namespace,
                RunLabels.of(runId, trial.index(), benchmarkName), timeoutSeconds(spec.timeout()), filesName);
        List<Map<String, Object>> objects = new ArrayList<>();
        if (ctx.shipsFiles()) {
            objects.add(FilesConfigMap.render(ctx, spec.job().files()));
        }
        if (spec.job().manifest() != null) {
            ManifestLoader.Objects manifest = ManifestLoader.load(spec.job().manifest());
            objects.addAll(ManifestCompanions.stamp(ctx, spec.job().manifest(), manifest.others(), allowClusterScoped));
            objects.add(ManifestPatcher.patch(ctx, spec.job().manifest(), manifest.job()));
        } else {
            objects.add(JobRenderer.forJob(spec.job()).render(ctx));
        }
        return new RenderedTrial(trial, jobName, objects);
    }

    /** Every trial of a plan, in plan order. */
    public List<RenderedTrial> renderAll(BenchmarkPlan plan, String runId, String namespace) {
        List<RenderedTrial> out = new ArrayList<>();
        for (Trial trial : plan.trials()) {
            out.add(render(trial, runId, namespace));
        }
        return out;
    }

    /** A timeout in whole seconds, rounded up so a fractional timeout never becomes shorter; at least 1. */
    static long timeoutSeconds(Duration timeout) {
        long millis = timeout.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
