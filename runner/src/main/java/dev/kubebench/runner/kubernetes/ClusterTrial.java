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
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One trial's replicas on a cluster: they start when its objects are created, are watched through a
 * {@link TrialWatch} with their logs streamed by {@link ReplicaLogs}, and are stopped by deleting, by the trial's
 * run-id and trial labels, whatever exists of the objects it tried to create (the job first, foreground
 * propagation), unless {@link TrialContext#keep()}. A create whose answer never came is looked up by name before
 * the trial gives up on it: the API server may have applied it.
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
    private final ApiRetry retry;
    private final List<GenericKubernetesResource> created = new ArrayList<>();
    /** Every object a create was sent for, answered or not: what cleanup looks for. */
    private final List<GenericKubernetesResource> attempted = new ArrayList<>();

    /**
     * @param objects   what to create, in order, the job among them ({@link TrialObjects#of})
     * @param startedAt when the trial started
     */
    ClusterTrial(KubernetesClient client, KubernetesSettings settings, Consumer<String> warnings,
                 TrialContext context, int trialIndex, JobType type, String jobName,
                 List<GenericKubernetesResource> objects, Instant startedAt, ApiRetry retry) {
        this.client = client;
        this.settings = settings;
        this.warnings = warnings;
        this.context = context;
        this.trialIndex = trialIndex;
        this.type = type;
        this.jobName = jobName;
        this.objects = List.copyOf(objects);
        this.startedAt = startedAt;
        this.retry = retry;
        this.logs = new ReplicaLogs(client, client.getNamespace(), context.logsDir(), context.timeline(),
                context.progress(), context.clock(), retry);
        this.watch = new TrialWatch(client, type, jobName, context.timeline(), context.progress(), context.clock(),
                startedAt, settings.unschedulableGrace(), logs, retry);
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
            attempted.add(r);
            try {
                retry.run(() -> ObjectOperations.operation(client, r, type).inNamespace(namespace()).resource(r)
                        .create());
                created.add(r);
            } catch (KubernetesClientException e) {
                int code = ApiErrors.code(e);
                if ((code == 0 || code == 409 || ApiRetry.retryable(code)) && existsAsOurs(r)) {
                    // applied though the answer was lost (or a retry met the first attempt's object): track it
                    created.add(r);
                    continue;
                }
                String what = r.getKind() + " " + r.getMetadata().getName();
                String message = ApiErrors.describe(e, String.valueOf(client.getMasterUrl()), "create",
                        ObjectOperations.resourceName(r, type), namespace());
                Instant now = context.clock().instant();
                if (code == 400 || code == 422 || ApiErrors.webhookDenied(e)) {
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

    /** True when {@code r} exists with this trial's run id and trial index (so it is not someone else's). */
    private boolean existsAsOurs(GenericKubernetesResource r) {
        GenericKubernetesResource found;
        try {
            found = retry.call(() -> ObjectOperations.operation(client, r, type).inNamespace(namespace())
                    .withName(r.getMetadata().getName()).get());
        } catch (KubernetesClientException e) {
            return false;
        }
        Map<String, String> labels = found == null ? null : found.getMetadata().getLabels();
        Map<String, String> ours = r.getMetadata().getLabels();
        return labels != null && Objects.equals(labels.get(RunLabels.RUN_ID), ours.get(RunLabels.RUN_ID))
                && Objects.equals(labels.get(RunLabels.TRIAL), ours.get(RunLabels.TRIAL));
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
        boolean succeeded = outcome.state() == TrialState.SUCCEEDED;
        if (succeeded) {
            settleLogs(settings.logDrain(), true);
        } else {
            // replicas still running keep their streams open; take what the ended ones wrote
            settleLogs(settings.logDrain().compareTo(FAILED_LOG_DRAIN) < 0 ? settings.logDrain()
                    : FAILED_LOG_DRAIN, false);
        }
        // before anything is deleted: a stream that trickles or ended early is completed by one more read
        logs.complete(succeeded);
    }

    /**
     * After the job ended: makes sure every container seen in the informer's cache has a log stream, waiting (up to
     * {@code max}, locally, without API requests) for pods the job's status got ahead of to reach a final phase
     * when {@code untilPodsFinished}, then waits for the streams to end.
     */
    private void settleLogs(Duration max, boolean untilPodsFinished) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            List<Pod> cached = watch.cachedPods();
            cached.forEach(logs::observe);
            boolean allDone = cached.stream().allMatch(PodStatuses::finished);
            if (!untilPodsFinished || allDone || System.nanoTime() - end >= 0) {
                break;
            }
            Thread.sleep(50);
        }
        logs.drain(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
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

    /**
     * Deletes by the trial's labels whatever exists of each kind it tried to create, the job first (so the operator
     * stops using the ConfigMap): one request per kind, so an object whose create was answered late goes too.
     */
    private void delete() throws InterruptedException {
        if (attempted.isEmpty()) {
            return;
        }
        watch.deleting();
        boolean jobDeleted = false;
        List<String> failures = new ArrayList<>();
        Map<String, String> labels = attempted.get(0).getMetadata().getLabels();
        String runId = labels.get(RunLabels.RUN_ID);
        Map<String, GenericKubernetesResource> kinds = new LinkedHashMap<>();
        attempted.stream().filter(r -> ObjectOperations.isJob(r, type)).forEach(r -> kinds.put(kindKey(r), r));
        attempted.forEach(r -> kinds.putIfAbsent(kindKey(r), r));
        int deleted = 0;
        for (GenericKubernetesResource r : kinds.values()) {
            try {
                int n = retry.call(() -> ObjectOperations.operation(client, r, type).inNamespace(namespace())
                        .withLabel(RunLabels.RUN_ID, runId).withLabel(RunLabels.TRIAL, labels.get(RunLabels.TRIAL))
                        .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete().size());
                deleted += n;
                jobDeleted |= ObjectOperations.isJob(r, type) && n > 0;
            } catch (KubernetesClientException e) {
                failures.add(r.getKind() + ": " + ApiErrors.describe(e, String.valueOf(client.getMasterUrl()),
                        "delete", ObjectOperations.resourceName(r, type), namespace()));
            }
        }
        boolean gone = jobDeleted && watch.awaitDeleted(settings.cleanupWait());
        if (!failures.isEmpty()) {
            warnings.accept("cleanup failed for " + String.join("; ", failures)
                    + "; retry with: kubebench cleanup --run-id " + runId);
        }
        context.timeline().record(EventKind.DELETED, null, deleted + " object(s)" + (gone || !jobDeleted ? ""
                : "; job still terminating after " + Durations.format(settings.cleanupWait())));
    }

    private static String kindKey(GenericKubernetesResource r) {
        return r.getApiVersion() + "/" + r.getKind();
    }

    private String namespace() {
        return client.getNamespace();
    }

    @Override
    public void close() {
        watch.close();
    }
}
