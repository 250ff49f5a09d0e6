package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.Outcomes;
import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.Timeline;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows one trial's job and its pods (by uid: a pod re-created under the same name is a new pod) through two
 * informers, re-listed by fabric8 after a disconnect or 410 Gone, writes the timeline, starts the log streams and
 * decides how the trial ends; a Failed job is judged by a {@link FreshLook}. API requests do not grow with the job's
 * duration: nothing here polls the API; the only timers are local (the unschedulable grace period and the deadline).
 */
final class TrialWatch implements AutoCloseable {
    static final String QUEUE_LABEL = "kueue.x-k8s.io/queue-name";
    /** How often the waiting thread re-checks local deadlines; no API request is made on these wakeups. */
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final KubernetesClient client;
    private final String namespace;
    private final JobType type;
    private final String jobName;
    private final Timeline timeline;
    private final ProgressListener progress;
    private final Clock clock;
    private final Instant startedAt;
    private final ReplicaLogs logs;
    private final ApiRetry retry;

    /** The outcome; null when the job's Failed condition calls for a fresh look. */
    private final CompletableFuture<TrialOutcome> ending = new CompletableFuture<>();
    private JobCondition failedCondition;
    private boolean jobGone;
    /** Pods by uid: the live ones, and the last-known state of every pod seen (deleted ones too). */
    private final Set<String> livePods = new HashSet<>();
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Set<String> recorded = new HashSet<>();
    private final UnschedulablePods unschedulable;
    private final PodIncidents incidents;
    private boolean created;
    private boolean deleting;
    private boolean queued;
    private boolean admitted;
    private boolean running;
    private SharedIndexInformer<GenericKubernetesResource> jobInformer;
    private SharedIndexInformer<Pod> podInformer;

    /** {@code startedAt} is the trial's start, for its outcome; a pod unschedulable for the grace fails the trial. */
    TrialWatch(KubernetesClient client, JobType type, String jobName, Timeline timeline, ProgressListener progress,
               Clock clock, Instant startedAt, Duration unschedulableGrace, ReplicaLogs logs, ApiRetry retry) {
        this.client = client;
        this.namespace = client.getNamespace();
        this.type = type;
        this.jobName = jobName;
        this.timeline = timeline;
        this.progress = progress;
        this.clock = clock;
        this.startedAt = startedAt;
        this.unschedulable = new UnschedulablePods(unschedulableGrace);
        this.logs = logs;
        this.retry = retry;
        this.incidents = new PodIncidents(timeline);
    }

    /** Starts both informers without blocking; call before creating the job so no transition is missed. */
    void start() {
        jobInformer = client.genericKubernetesResources(type.context()).inNamespace(namespace).withName(jobName)
                .runnableInformer(0);
        jobInformer.addEventHandler(Informers.handler(this::onJob, job -> onJobDeleted()));
        jobInformer.exceptionHandler((started, t) -> retry(t, "watch", type.resourceName()));
        podInformer = client.pods().inNamespace(namespace).withLabel(type.podJobLabel(), jobName)
                .runnableInformer(0);
        podInformer.addEventHandler(Informers.handler(this::onPod, this::onPodDeleted));
        podInformer.exceptionHandler((started, t) -> retry(t, "watch", "pods"));
        jobInformer.start();
        podInformer.start();
    }

    /** Transient errors (connection, 410, 429, 5xx) are retried by the informer with backoff; 401/403 end the trial. */
    private boolean retry(Throwable t, String verb, String resource) {
        if (ApiErrors.isPermanent(t)) {
            ending.complete(Outcomes.failed(FailureCause.API_ERROR,
                    ApiErrors.describe(t, String.valueOf(client.getMasterUrl()), verb, resource, namespace),
                    startedAt, clock.instant()));
            return false;
        }
        return true;
    }

    /**
     * Waits until the job ends, a pod fails in a way that ends the trial or a pod stays unschedulable past the grace
     * period; empty when {@code deadlineNanos} ({@link System#nanoTime()}) passes first.
     */
    Optional<TrialOutcome> await(long deadlineNanos) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            checkUnschedulable(now);
            if (ending.isDone()) {
                TrialOutcome outcome = ending.getNow(null);
                return Optional.of(outcome != null ? outcome : verdict());
            }
            if (now - deadlineNanos >= 0) {
                return Optional.empty();
            }
            try {
                ending.get(Math.min(TICK_NANOS, deadlineNanos - now), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // re-check the local timers
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The verdict on a Failed job, from a fresh look at its pods ({@link FreshLook}). */
    private TrialOutcome verdict() {
        List<Pod> lastKnown;
        synchronized (this) {
            lastKnown = List.copyOf(pods.values());
        }
        return FreshLook.failedJob(client, retry, type, jobName, failedCondition, lastKnown, logs)
                .outcome(startedAt, orNow(failedCondition.lastTransitionTime()));
    }

    /** The pods as the informer last saw them (no API request). */
    List<Pod> cachedPods() {
        return podInformer.getStore().list();
    }

    /**
     * Waits for the deleted job and its pods to disappear (foreground deletion removes the pods first); false when
     * {@code max} passed first. Waiting for the pods also means no watch event is still in flight when the
     * informers close.
     */
    synchronized boolean awaitDeleted(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!(jobGone && livePods.isEmpty())) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** From now on the job's disappearance is kubebench's own cleanup. */
    synchronized void deleting() {
        deleting = true;
    }

    /** Marks the job as submitted; a later disappearance is then a deletion. */
    synchronized void submitted() {
        created = true;
    }

    private synchronized void onJob(GenericKubernetesResource job) {
        created = true;
        List<JobCondition> conditions = JobCondition.of(job);
        Instant now = clock.instant();
        Optional<JobCondition> suspendedCond = JobCondition.findTrue(conditions, "Suspended");
        boolean suspended = suspendedCond.isPresent() || JobCondition.suspendedBySpec(job);
        String queue = job.getMetadata().getLabels() == null ? null : job.getMetadata().getLabels().get(QUEUE_LABEL);
        if (suspended) {
            if (admitted && !ending.isDone()) {
                fail(new Classification(FailureCause.EVICTED, "job was suspended again after admission"
                        + (queue == null ? "" : " (preempted by Kueue, queue " + queue + ")")
                        + suspendedCond.map(c -> ": " + c.describe()).orElse("")), now);
                return;
            }
            if (!queued) {
                queued = true;
                timeline.record(suspendedCond.map(JobCondition::lastTransitionTime).orElse(now), EventKind.QUEUED,
                        null, queue == null ? "suspended" : "queue " + queue);
                progress.phase(EventKind.QUEUED.jsonName());
            }
        } else if (queued && !admitted) {
            admitted = true;
            Instant at = JobCondition.find(conditions, "Suspended").map(JobCondition::lastTransitionTime).orElse(now);
            timeline.record(at == null ? now : at, EventKind.ADMITTED, null, queue == null ? null : "queue " + queue);
            progress.phase(EventKind.ADMITTED.jsonName());
        }
        if (!running && JobCondition.findTrue(conditions, "Running").isPresent()) {
            running = true;
            progress.phase("running");
        }
        Optional<JobCondition> success = JobCondition.findTrue(conditions, type.successCondition());
        if (success.isPresent()) {
            ending.complete(Outcomes.succeeded(startedAt, orNow(success.get().lastTransitionTime())));
            return;
        }
        Optional<JobCondition> failed = JobCondition.findTrue(conditions, "Failed");
        if (failed.isPresent() && failedCondition == null && !ending.isDone()) {
            failedCondition = failed.get();
            ending.complete(null);
        }
    }

    private synchronized void onJobDeleted() {
        jobGone = true;
        notifyAll();
        if (created && !deleting) {
            fail(new Classification(FailureCause.JOB_FAILED,
                    "job " + jobName + " was deleted before it finished (not by kubebench)"), clock.instant());
        }
    }

    /** The last state stays in {@code pods} so a failure can still be classified from it. */
    private synchronized void onPodDeleted(Pod pod) {
        pods.put(PodStatuses.key(pod), pod);
        livePods.remove(PodStatuses.key(pod));
        unschedulable.clear(pod.getMetadata().getName());
        notifyAll();
    }

    private synchronized void onPod(Pod pod) {
        String name = pod.getMetadata().getName();
        pods.put(PodStatuses.key(pod), pod);
        livePods.add(PodStatuses.key(pod));
        incidents.observe(pod);
        Instant now = clock.instant();
        for (PodCondition c : FailureClassifier.conditions(pod)) {
            if ("PodScheduled".equals(c.getType()) && "True".equals(c.getStatus())) {
                // the node, for telemetry of the trial's nodes (collector's TrialScope reads "node NAME")
                String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
                once(EventKind.POD_SCHEDULED, name, JobCondition.time(c.getLastTransitionTime()),
                        node == null || node.isBlank() ? null : "node " + node);
                unschedulable.clear(name);
            } else if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
                once(EventKind.POD_READY, name, JobCondition.time(c.getLastTransitionTime()));
            }
        }
        FailureClassifier.unschedulable(pod)
                .ifPresent(why -> unschedulable.unschedulable(name, why, System.nanoTime()));
        Instant started = PodStatuses.startedAt(pod);
        if (started != null) {
            once(EventKind.POD_STARTED, name, started);
        }
        FailureClassifier.immediate(pod).ifPresent(c -> fail(c, now));
        logs.observe(pod);
        int runningPods = PodStatuses.running(pods.values());
        if (!running && runningPods > 0) {
            running = true;
            progress.phase("running");
        }
        progress.replicas(runningPods, livePods.size());
    }

    private void once(EventKind event, String pod, Instant at) {
        once(event, pod, at, null);
    }

    private void once(EventKind event, String pod, Instant at, String detail) {
        if (recorded.add(event.jsonName() + "/" + pod)) {
            timeline.record(orNow(at), event, pod, detail);
        }
    }

    private synchronized void checkUnschedulable(long nowNanos) {
        unschedulable.overdue(nowNanos).ifPresent(c -> fail(c, clock.instant()));
    }

    /** Where the job stands, for the reason of a timeout: {@code 1/2 pods running}, {@code still queued}. */
    synchronized String stateSummary() {
        return !created ? "job not created" : queued && !admitted ? "still queued"
                : PodStatuses.running(pods.values()) + "/" + livePods.size() + " pods running";
    }

    /** The first ending wins; later events cannot change how the trial ended. */
    private void fail(Classification classification, Instant at) {
        ending.complete(classification.outcome(startedAt, at));
    }

    private Instant orNow(Instant t) {
        return t == null ? clock.instant() : t;
    }

    @Override
    public void close() {
        for (SharedIndexInformer<?> informer : java.util.Arrays.asList(jobInformer, podInformer)) {
            if (informer != null) {
                informer.close();
            }
        }
    }
}
