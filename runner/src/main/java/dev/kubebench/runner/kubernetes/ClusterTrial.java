package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.time.Durations;
import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.runner.Outcomes;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.runner.TrialReplicas;
import dev.kubebench.runner.render.RunLabels;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One trial's replicas on a cluster: they start when its objects are created, are watched through a
 * {@link TrialWatch} with their logs streamed by {@link ReplicaLogs}, and are stopped by deleting every object the
 * trial created (the job first, foreground propagation), unless {@link TrialContext#keep()}.
 */
final class ClusterTrial implements TrialReplicas {
    /** How long a failed job's ended replicas may take to finish their logs (the others keep their streams open). */
    private static final Duration FAILED_LOG_DRAIN = Duration.ofSeconds(2);

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final Consumer<String> warnings;
    private final TrialContext context;
    private final int trialIndex;
    private final JobType type;
    private final String jobName;
    private final List<GenericKubernetesResource> objects;
    private final Instant startedAt;
    private final ReplicaLogs logs;
    private final TrialWatch watch;
    private final List<GenericKubernetesResource> created = new ArrayList<>();

    /**
     * @param objects   what to create, in order, the job among them ({@link TrialObjects#of})
     * @param startedAt when the trial started
     */
    ClusterTrial(KubernetesClient client, KubernetesSettings settings, Consumer<String> warnings,
                 TrialContext context, int trialIndex, JobType type, String jobName,
                 List<GenericKubernetesResource> objects, Instant startedAt) {
        this.client = client;
        this.settings = settings;
        this.warnings = warnings;
        this.context = context;
        this.trialIndex = trialIndex;
        this.type = type;
        this.jobName = jobName;
        this.objects = List.copyOf(objects);
        this.startedAt = startedAt;
        this.logs = new ReplicaLogs(client, client.getNamespace(), context.logsDir(), context.timeline(),
                context.progress(), context.clock());
        this.watch = new TrialWatch(client, type, jobName, context.timeline(), context.progress(), context.clock(),
                startedAt, settings.unschedulableGrace(), logs);
    }

    @Override
    public Optional<TrialOutcome> start() {
        watch.start();
        // stamped before the requests: the operator may act on the job before the create call returns
        Instant submittedAt = context.clock().instant();
        Optional<TrialOutcome> refused = create();
        if (refused.isEmpty()) {
            watch.submitted();
            context.timeline().record(submittedAt, EventKind.SUBMITTED, null, type.kind().kindName() + " " + jobName);
            context.progress().phase(EventKind.SUBMITTED.jsonName());
        }
        return refused;
    }

    /** Creates the objects in order; returns an outcome when the API refused one (nothing is left half-known). */
    private Optional<TrialOutcome> create() {
        for (GenericKubernetesResource r : objects) {
            try {
                ObjectOperations.operation(client, r, type).inNamespace(namespace()).resource(r).create();
                created.add(r);
            } catch (KubernetesClientException e) {
                int code = ApiErrors.code(e);
                String what = r.getKind() + " " + r.getMetadata().getName();
                String message = ApiErrors.describe(e, String.valueOf(client.getMasterUrl()), "create",
                        ObjectOperations.resourceName(r, type), namespace());
                Instant now = context.clock().instant();
                if (code == 400 || code == 422) {
                    // the API or an admission webhook rejected the object: a spec problem, not the cluster's
                    return Optional.of(new Classification(FailureCause.JOB_FAILED, "the API rejected " + what + ": "
                            + message).outcome(startedAt, now));
                }
                return Optional.of(Outcomes.failed(FailureCause.API_ERROR, "cannot create " + what + ": " + message,
                        startedAt, now));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<TrialOutcome> awaitEnd(long deadlineNanos) throws InterruptedException {
        return watch.await(deadlineNanos);
    }

    @Override
    public String stillRunning() {
        return watch.stateSummary();
    }

    @Override
    public void settle(TrialOutcome outcome) throws InterruptedException {
        if (outcome.state() == TrialState.SUCCEEDED) {
            watch.settleLogs(settings.logDrain(), true);
        } else if (outcome.state() == TrialState.FAILED) {
            // replicas still running keep their streams open; take what the ended ones wrote
            watch.settleLogs(settings.logDrain().compareTo(FAILED_LOG_DRAIN) < 0 ? settings.logDrain()
                    : FAILED_LOG_DRAIN, false);
        }
    }

    @Override
    public void stop(TrialOutcome outcome) {
        logs.close();
    }

    @Override
    public void remove() throws InterruptedException {
        if (!context.keep()) {
            delete();
        } else if (!created.isEmpty()) {
            warnings.accept("kept " + created.size() + " object(s) of trial " + trialIndex
                    + "; remove them with: kubebench cleanup --run-id " + context.runId());
        }
    }

    private void delete() throws InterruptedException {
        if (created.isEmpty()) {
            return;
        }
        watch.deleting();
        boolean jobDeleted = false;
        List<String> failures = new ArrayList<>();
        // the job first, so the operator stops using the ConfigMap; then the rest in creation order
        List<GenericKubernetesResource> order = new ArrayList<>(created);
        order.sort((a, b) -> Boolean.compare(!ObjectOperations.isJob(a, type), !ObjectOperations.isJob(b, type)));
        for (GenericKubernetesResource r : order) {
            try {
                ObjectOperations.operation(client, r, type).inNamespace(namespace())
                        .withName(r.getMetadata().getName()).withPropagationPolicy(DeletionPropagation.FOREGROUND)
                        .delete();
                jobDeleted |= ObjectOperations.isJob(r, type);
            } catch (KubernetesClientException e) {
                failures.add(r.getKind() + " " + r.getMetadata().getName() + ": " + ApiErrors.describe(e,
                        String.valueOf(client.getMasterUrl()), "delete", ObjectOperations.resourceName(r, type),
                        namespace()));
            }
        }
        boolean gone = jobDeleted && watch.awaitDeleted(settings.cleanupWait());
        String runId = created.get(0).getMetadata().getLabels().get(RunLabels.RUN_ID);
        if (!failures.isEmpty()) {
            warnings.accept("cleanup failed for " + String.join("; ", failures)
                    + "; retry with: kubebench cleanup --run-id " + runId);
        }
        context.timeline().record(EventKind.DELETED, null, created.size() + " object(s)" + (gone || !jobDeleted ? ""
                : "; job still terminating after " + Durations.format(settings.cleanupWait())));
    }

    private String namespace() {
        return client.getNamespace();
    }

    @Override
    public void close() {
        watch.close();
    }
}
