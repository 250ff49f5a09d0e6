package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.trial.TrialState;
import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.JobNames;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.runner.Backend;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.render.RunLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs trials on a Kubernetes cluster through the Kubeflow training operators (or a batch/v1 Job): creates the
 * trial's ConfigMap and job, follows them with informers, streams replica logs, classifies failures and deletes
 * everything it created (foreground propagation) however the trial ends, unless {@link TrialContext#keep()}.
 * Every object carries {@value RunLabels#RUN_ID}, {@value RunLabels#TRIAL} and {@value RunLabels#BENCHMARK}.
 */
public final class KubernetesBackend implements Backend {

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final ManifestSource manifests;
    private final Consumer<String> warnings;

    /**
     * @param client    a client from {@link KubernetesClients#connect}; closed by {@link #close()}
     * @param settings  timeouts and grace periods
     * @param manifests renders a trial into the objects to create
     * @param warnings  receives one-line warnings (preflight capacity, cleanup problems)
     */
    public KubernetesBackend(KubernetesClient client, KubernetesSettings settings, ManifestSource manifests,
                             Consumer<String> warnings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.manifests = Objects.requireNonNull(manifests, "manifests");
        this.warnings = warnings == null ? w -> { } : warnings;
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
        new Preflight(client, settings.checkNodes(), warnings).check(plan.resolved().spec());
    }

    @Override
    public TrialOutcome runTrial(Trial trial, TrialContext context) throws InterruptedException {
        Benchmark benchmark = trial.benchmark();
        JobSpec jobSpec = benchmark.spec().job();
        JobType type = JobType.of(jobSpec.kind(), jobSpec.apiVersion());
        String jobName = JobNames.jobName(benchmark.metadata().name(), context.runId(), trial.index());
        List<GenericKubernetesResource> objects = objects(trial, context.runId(), jobName, type);
        writeManifest(context.trialDir(), objects);

        Instant startedAt = context.clock().instant();
        long deadline = System.nanoTime() + benchmark.spec().timeout().toNanos();
        ReplicaLogs logs = new ReplicaLogs(client, namespace(), context.logsDir(), context.timeline(),
                context.progress(), context.clock());
        TrialWatch watch = new TrialWatch(client, namespace(), type, jobName, context.timeline(), context.progress(),
                context.clock(), settings.unschedulableGrace(), logs);
        List<GenericKubernetesResource> created = new ArrayList<>();
        Ending ending = null;
        InterruptedException interrupted = null;
        try {
            watch.start();
            // stamped before the requests: the operator may act on the job before the create call returns
            Instant submittedAt = context.clock().instant();
            ending = create(objects, type, created, context);
            if (ending == null) {
                watch.submitted();
                context.timeline().record(submittedAt, EventKind.SUBMITTED, null, type.kind().kindName() + " " + jobName);
                context.progress().phase(EventKind.SUBMITTED.jsonName());
                ending = watch.await(deadline, benchmark.spec().timeout());
                if (ending.state() == TrialState.SUCCEEDED) {
                    watch.settleLogs(settings.logDrain(), true);
                } else if (ending.state() == TrialState.FAILED) {
                    // replicas still running keep their streams open; take what the ended ones wrote
                    watch.settleLogs(settings.logDrain().compareTo(Duration.ofSeconds(2)) < 0 ? settings.logDrain()
                            : Duration.ofSeconds(2), false);
                }
            }
        } catch (InterruptedException e) {
            interrupted = e;
            ending = new Ending(TrialState.INTERRUPTED, FailureCause.INTERRUPTED,
                    "interrupted (Ctrl-C or SIGTERM)",
                    context.clock().instant());
        } finally {
            logs.close();
            if (ending != null) {
                context.timeline().record(ending.at(), EventKind.FINISHED, null, ending.state().jsonName()
                        + (ending.reason() == null ? "" : ": " + ending.reason()));
            }
            try {
                if (!context.keep()) {
                    delete(created, type, watch, context);
                } else if (!created.isEmpty()) {
                    warnings.accept("kept " + created.size() + " object(s) of trial " + trial.index()
                            + "; remove them with: kubebench cleanup --run-id " + context.runId());
                }
            } finally {
                watch.close();
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        return ending.outcome(startedAt);
    }

    /** Renders, stamps the kubebench labels and namespace, and checks that the job is among the objects. */
    private List<GenericKubernetesResource> objects(Trial trial, String runId, String jobName, JobType type) {
        List<GenericKubernetesResource> out = new ArrayList<>();
        boolean hasJob = false;
        for (Map<String, Object> m : manifests.manifests(trial, runId, jobName)) {
            GenericKubernetesResource r = client.getKubernetesSerialization().convertValue(m,
                    GenericKubernetesResource.class);
            Map<String, String> labels = new LinkedHashMap<>();
            if (r.getMetadata().getLabels() != null) {
                labels.putAll(r.getMetadata().getLabels());
            }
            labels.putIfAbsent(RunLabels.RUN_ID, runId);
            labels.putIfAbsent(RunLabels.TRIAL, Integer.toString(trial.index()));
            labels.putIfAbsent(RunLabels.BENCHMARK, trial.benchmark().metadata().name());
            r.getMetadata().setLabels(labels);
            r.getMetadata().setNamespace(namespace());
            if (isJob(r, type)) {
                if (hasJob) {
                    throw new IllegalStateException("manifests hold more than one " + type.kind().kindName());
                }
                hasJob = true;
                if (r.getMetadata().getName() == null) {
                    r.getMetadata().setName(jobName);
                } else if (!jobName.equals(r.getMetadata().getName())) {
                    throw new IllegalStateException("the rendered " + type.kind().kindName() + " is named "
                            + r.getMetadata().getName() + ", expected " + jobName);
                }
            }
            out.add(r);
        }
        if (!hasJob) {
            throw new IllegalStateException("manifests hold no " + type.kind().kindName() + " " + type.apiVersion());
        }
        return out;
    }

    private static boolean isJob(GenericKubernetesResource r, JobType type) {
        return type.kind().kindName().equals(r.getKind()) && type.apiVersion().equals(r.getApiVersion());
    }

    private void writeManifest(Path trialDir, List<GenericKubernetesResource> objects) {
        Path file = trialDir.resolve("manifest.yaml");
        if (Files.exists(file)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (GenericKubernetesResource r : objects) {
            String yaml = client.getKubernetesSerialization().asYaml(r);
            sb.append(yaml.startsWith("---") ? "" : "---\n").append(yaml);
            if (!yaml.endsWith("\n")) {
                sb.append('\n');
            }
        }
        try {
            Files.createDirectories(trialDir);
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the objects in order; returns an ending when the API refused one (nothing is left half-known). */
    private Ending create(List<GenericKubernetesResource> objects, JobType type,
                          List<GenericKubernetesResource> created, TrialContext context) {
        for (GenericKubernetesResource r : objects) {
            try {
                operation(r, type).inNamespace(namespace()).resource(r).create();
                created.add(r);
            } catch (KubernetesClientException e) {
                int code = ApiErrors.code(e);
                String what = r.getKind() + " " + r.getMetadata().getName();
                String message = ApiErrors.describe(e, String.valueOf(client.getMasterUrl()), "create",
                        resourceName(r, type), namespace());
                if (code == 400 || code == 422) {
                    // the API or an admission webhook rejected the object: a spec problem, not the cluster's
                    return Ending.failed(new Verdict(FailureCause.JOB_FAILED, "the API rejected " + what + ": "
                            + message), context.clock().instant());
                }
                return new Ending(TrialState.INFRASTRUCTURE, FailureCause.API_ERROR,
                        "cannot create " + what + ": " + message, context.clock().instant());
            }
        }
        return null;
    }

    private void delete(List<GenericKubernetesResource> created, JobType type, TrialWatch watch,
                        TrialContext context) throws InterruptedException {
        if (created.isEmpty()) {
            return;
        }
        watch.deleting();
        boolean jobDeleted = false;
        List<String> failures = new ArrayList<>();
        // the job first, so the operator stops using the ConfigMap; then the rest in reverse creation order
        List<GenericKubernetesResource> order = new ArrayList<>(created);
        order.sort((a, b) -> Boolean.compare(!isJob(a, type), !isJob(b, type)));
        for (GenericKubernetesResource r : order) {
            try {
                operation(r, type).inNamespace(namespace()).withName(r.getMetadata().getName())
                        .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
                jobDeleted |= isJob(r, type);
            } catch (KubernetesClientException e) {
                failures.add(r.getKind() + " " + r.getMetadata().getName() + ": " + ApiErrors.describe(e,
                        String.valueOf(client.getMasterUrl()), "delete", resourceName(r, type), namespace()));
            }
        }
        boolean gone = jobDeleted && watch.awaitDeleted(settings.cleanupWait());
        String runId = created.get(0).getMetadata().getLabels().get(RunLabels.RUN_ID);
        if (!failures.isEmpty()) {
            warnings.accept("cleanup failed for " + String.join("; ", failures)
                    + "; retry with: kubebench cleanup --run-id " + runId);
        }
        context.timeline().record(EventKind.DELETED, null, created.size() + " object(s)" + (gone || !jobDeleted ? ""
                : "; job still terminating after " + TrialWatch.human(settings.cleanupWait())));
    }

    @Override
    public int cleanup(String runId) {
        String server = String.valueOf(client.getMasterUrl());
        Set<ResourceDefinitionContext> contexts = new LinkedHashSet<>();
        for (JobKind kind : JobKind.values()) {
            contexts.add(JobType.of(kind, null).context());
        }
        contexts.add(JobType.of(JobKind.MPI_JOB, "kubeflow.org/v2beta1").context());
        int count = 0;
        for (ResourceDefinitionContext ctx : contexts) {
            count += deleteLabelled(client.genericKubernetesResources(ctx), runId, ctx.getPlural()
                    + (ctx.getGroup().isEmpty() ? "" : "." + ctx.getGroup()), server, true);
        }
        for (Class<? extends io.fabric8.kubernetes.api.model.HasMetadata> builtin
                : List.of(ConfigMap.class, Secret.class, Service.class, Pod.class)) {
            count += deleteLabelled(client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(
                    builtin)), runId, builtin.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "s", server, false);
        }
        return count;
    }

    private int deleteLabelled(MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> op, String runId, String resource, String server,
                               boolean mayBeMissing) {
        List<GenericKubernetesResource> items;
        try {
            items = (runId == null ? op.inNamespace(namespace()).withLabel(RunLabels.RUN_ID)
                    : op.inNamespace(namespace()).withLabel(RunLabels.RUN_ID, runId)).list().getItems();
        } catch (KubernetesClientException e) {
            if (mayBeMissing && ApiErrors.code(e) == 404) {
                return 0; // that operator's CRD is not installed: nothing of that kind can exist
            }
            throw ApiErrors.infrastructure(e, server, "list", resource, namespace());
        }
        int count = 0;
        for (GenericKubernetesResource r : items) {
            try {
                op.inNamespace(namespace()).withName(r.getMetadata().getName())
                        .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
                count++;
            } catch (KubernetesClientException e) {
                if (ApiErrors.code(e) != 404) {
                    throw ApiErrors.infrastructure(e, server, "delete", resource, namespace());
                }
            }
        }
        return count;
    }

    private MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> operation(GenericKubernetesResource r, JobType type) {
        if (isJob(r, type)) {
            return client.genericKubernetesResources(type.context());
        }
        if ("v1".equals(r.getApiVersion())) {
            switch (r.getKind()) {
                case "ConfigMap":
                    return client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(ConfigMap.class));
                case "Secret":
                    return client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(Secret.class));
                case "Service":
                    return client.genericKubernetesResources(ResourceDefinitionContext.fromResourceType(Service.class));
                default:
                    break;
            }
        }
        return client.genericKubernetesResources(r.getApiVersion(), r.getKind());
    }

    private static String resourceName(GenericKubernetesResource r, JobType type) {
        return r.getKind().equals(type.kind().kindName()) ? type.resourceName()
                : r.getKind().toLowerCase(java.util.Locale.ROOT) + "s";
    }

    /** Raises the outcome of a trial that could not start as the CLI's exception (for callers that stop there). */
    public static KubebenchException failureOf(TrialOutcome outcome) {
        Failure f;
        switch (outcome.state()) {
            case INFRASTRUCTURE:
                f = Failure.INFRASTRUCTURE;
                break;
            case TIMED_OUT:
                f = Failure.TIMED_OUT;
                break;
            case INTERRUPTED:
                f = Failure.INTERRUPTED;
                break;
            default:
                f = Failure.WORKLOAD_FAILED;
        }
        return new KubebenchException(f, outcome.reason());
    }

    @Override
    public void close() {
        client.close();
    }
}
