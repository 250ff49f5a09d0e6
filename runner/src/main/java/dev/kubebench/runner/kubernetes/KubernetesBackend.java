package dev.kubebench.runner.kubernetes;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.JobNames;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.core.secret.Redactor;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.Backend;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.runner.TrialLifecycle;
import dev.kubebench.runner.render.RunLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs trials on a Kubernetes cluster through the Kubeflow training operators (or a batch/v1 Job): creates the
 * trial's ConfigMap and job, follows them with informers, streams replica logs, classifies failures and deletes
 * everything it created (foreground propagation) however the trial ends, unless {@link TrialContext#keep()}. The
 * steps and their order are the shared {@link TrialLifecycle}'s; {@link ClusterTrial} is this backend's part.
 * Every object carries {@value RunLabels#RUN_ID}, {@value RunLabels#TRIAL} and {@value RunLabels#BENCHMARK}.
 */
public final class KubernetesBackend implements Backend {

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final ManifestSource manifests;
    private final Redactor redactor;
    private final Consumer<String> warnings;
    private final ApiRetry retry;

    /**
     * @param client    a client from {@link KubernetesClients#connect} or {@link KubernetesClients#build} (whose
     *                  {@code Retry-After} headers the retries honour); closed by {@link #close()}
     * @param settings  timeouts and grace periods
     * @param manifests renders a trial into the objects to create
     * @param warnings  receives one-line warnings (preflight capacity, cleanup problems)
     */
    public KubernetesBackend(KubernetesClient client, KubernetesSettings settings, ManifestSource manifests,
                             Consumer<String> warnings) {
        this(client, settings, manifests, warnings, Redactor.NONE);
    }

    private KubernetesBackend(KubernetesClient client, KubernetesSettings settings, ManifestSource manifests,
                              Consumer<String> warnings, Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.warnings = warnings == null ? w -> { } : warnings;
        this.retry = ApiRetry.of(settings, KubernetesClients.hints(client));
    }

    /**
     * This backend writing each trial's manifest.yaml through {@code redactor} (what it submits is not redacted). The
     * returned backend shares this one's client.
     */
    public KubernetesBackend redacting(Redactor redactor) {
        return new KubernetesBackend(client, settings, manifests, warnings, redactor);
    }

    /** Connects with the given cluster options. */
    public static KubernetesBackend connect(ClusterOptions options, KubernetesSettings settings,
                                            ManifestSource manifests, Consumer<String> warnings) {
        return new KubernetesBackend(KubernetesClients.connect(options, settings), settings, manifests, warnings);
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    /** The namespace trials run in. */
    public String namespace() {
        return client.getNamespace();
    }

    @Override
    public void preflight(BenchmarkPlan plan) {
        new Preflight(client, settings, retry, warnings).check(plan.resolved().spec());
    }

    @Override
    public TrialOutcome runTrial(Trial trial, TrialContext context) throws InterruptedException {
        Benchmark benchmark = trial.benchmark();
        JobSpec jobSpec = benchmark.spec().job();
        JobType type = JobType.of(jobSpec.kind(), jobSpec.apiVersion());
        String jobName = JobNames.jobName(benchmark.metadata().name(), context.runId(), trial.index());
        List<GenericKubernetesResource> objects = TrialObjects.of(manifests, client.getKubernetesSerialization(),
                trial, context.runId(), jobName, type, namespace());
        TrialObjects.writeManifest(context.trialDir(), objects, client.getKubernetesSerialization(), redactor);
        return TrialLifecycle.run(context, benchmark.spec().timeout(), startedAt -> new ClusterTrial(client,
                settings, warnings, context, trial.index(), type, jobName, objects, startedAt, retry));
    }

    @Override
    public int cleanup(String runId) {
        return new RunCleanup(client, retry).delete(runId);
    }

    /** The API server's service proxy with this backend's connection (telemetry from an in-cluster Prometheus). */
    public ServiceProxy serviceProxy() {
        return new ServiceProxy(client);
    }

    @Override
    public void close() {
        client.close();
    }
}
