package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.core.trial.TrialState;

import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.Timeline;
import dev.kubebench.core.trial.TrialOutcome;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import java.util.function.Consumer;

/**
 * Follows one trial's job and its pods through two informers (one list and one long-lived watch each, re-listed by
 * fabric8 after a disconnect or 410 Gone, so a terminal condition reached while disconnected is still seen), writes
 * the timeline, starts the log streams and decides how the trial ends. API requests do not grow with the job's
 * duration: nothing here polls the API; the only timer is local (the unschedulable grace period and the deadline).
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
    private final Duration unschedulableGrace;
    private final ReplicaLogs logs;

    private final CompletableFuture<Ending> ending = new CompletableFuture<>();
    private boolean jobGone;
    private final Set<String> livePods = new HashSet<>();
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Set<String> recorded = new HashSet<>();
    private final Map<String, Long> unschedulableSinceNanos = new HashMap<>();
    private final Map<String, String> unschedulableMessage = new HashMap<>();
    private boolean created;
    private boolean deleting;
    private boolean queued;
    private boolean admitted;
    private boolean running;
    private SharedIndexInformer<GenericKubernetesResource> jobInformer;
    private SharedIndexInformer<Pod> podInformer;

    TrialWatch(KubernetesClient client, String namespace, JobType type, String jobName, Timeline timeline,
               ProgressListener progress, Clock clock, Duration unschedulableGrace, ReplicaLogs logs) {
        this.client = client;
        this.namespace = namespace;
        this.type = type;
        this.jobName = jobName;
        this.timeline = timeline;
        this.progress = progress;
        this.clock = clock;
        this.unschedulableGrace = unschedulableGrace;
        this.logs = logs;
    }

    /** An informer handler: adds and updates go to {@code changed} (with the new state), deletions to {@code deleted}. */
    private static <T> ResourceEventHandler<T> handler(Consumer<T> changed, Consumer<T> deleted) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                changed.accept(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                changed.accept(newObj);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                deleted.accept(obj);
            }
        };
    }

    /** Starts both informers without blocking; call before creating the job so no transition is missed. */
    void start() {
        jobInformer = client.genericKubernetesResources(type.context()).inNamespace(namespace).withName(jobName)
                .runnableInformer(0);
        jobInformer.addEventHandler(handler(this::onJob, job -> onJobDeleted()));
        jobInformer.exceptionHandler((started, t) -> retry(t, "watch", type.resourceName()));
        podInformer = client.pods().inNamespace(namespace).withLabel(type.podJobLabel(), jobName)
                .runnableInformer(0);
        podInformer.addEventHandler(handler(this::onPod, this::onPodDeleted));
        podInformer.exceptionHandler((started, t) -> retry(t, "watch", "pods"));
        jobInformer.start();
        podInformer.start();
    }

    /** Transient errors (connection, 410, 429, 5xx) are retried by the informer with backoff; 401/403 end the trial. */
    private boolean retry(Throwable t, String verb, String resource) {
        if (ApiErrors.isPermanent(t)) {
            finish(new Ending(TrialState.INFRASTRUCTURE, FailureCause.API_ERROR,
                    ApiErrors.describe(t, String.valueOf(client.getMasterUrl()), verb, resource, namespace),
                    clock.instant()));
            return false;
        }
        return true;
    }

    /**
     * Waits until the job ends, a pod fails in a way that ends the trial, a pod stays unschedulable past the grace
     * period, or the deadline passes.
     */
    Ending await(long deadlineNanos, Duration timeout) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            checkUnschedulable(now);
            if (ending.isDone()) {
                return ending.getNow(null);
            }
            if (now - deadlineNanos >= 0) {
                finish(new Ending(TrialState.TIMED_OUT, FailureCause.TIMEOUT,
                        "trial exceeded its timeout of " + human(timeout) + " (" + stateSummary() + ")",
                        clock.instant()));
                return ending.getNow(null);
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

    /**
     * After the job ended: makes sure every container seen in the informer's cache has a log stream, waiting (up to
     * {@code max}, locally, without API requests) for pods the job's status got ahead of to reach a final phase
     * when {@code untilPodsFinished}, then waits for the streams to end.
     */
    void settleLogs(Duration max, boolean untilPodsFinished) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            List<Pod> cached = podInformer.getStore().list();
            cached.forEach(logs::observe);
            boolean allDone = cached.stream().allMatch(p -> p.getStatus() != null
                    && ("Succeeded".equals(p.getStatus().getPhase()) || "Failed".equals(p.getStatus().getPhase())));
            if (!untilPodsFinished || allDone || System.nanoTime() - end >= 0) {
                break;
            }
            Thread.sleep(50);
        }
        logs.drain(Duration.ofNanos(Math.max(0, end - System.nanoTime())));
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
        boolean suspended = suspendedCond.isPresent() || suspendFlag(job);
        String queue = job.getMetadata().getLabels() == null ? null : job.getMetadata().getLabels().get(QUEUE_LABEL);
        if (suspended) {
            if (admitted && !ending.isDone()) {
                finish(Ending.failed(new Verdict(FailureCause.EVICTED, "job was suspended again after admission"
                        + (queue == null ? "" : " (preempted by Kueue, queue " + queue + ")")
                        + suspendedCond.map(c -> ": " + c.describe()).orElse("")), now));
                return;
            }
            if (!queued) {
                queued = true;
                timeline.record(suspendedCond.map(JobCondition::lastTransitionTime).orElse(now), EventKind.QUEUED, null,
                        queue == null ? "suspended" : "queue " + queue);
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
            finish(Ending.succeeded(orNow(success.get().lastTransitionTime())));
            return;
        }
        Optional<JobCondition> failed = JobCondition.findTrue(conditions, "Failed");
        if (failed.isPresent()) {
            finish(Ending.failed(FailureClassifier.failedJob(failed.get(), pods.values()),
                    orNow(failed.get().lastTransitionTime())));
        }
    }

    private static boolean suspendFlag(GenericKubernetesResource job) {
        Object spec = job.getAdditionalProperties().get("spec");
        if (!(spec instanceof Map)) {
            return false;
        }
        Object direct = ((Map<?, ?>) spec).get("suspend");
        Object runPolicy = ((Map<?, ?>) spec).get("runPolicy");
        Object nested = runPolicy instanceof Map ? ((Map<?, ?>) runPolicy).get("suspend") : null;
        return Boolean.TRUE.equals(direct) || Boolean.TRUE.equals(nested);
    }

    private synchronized void onJobDeleted() {
        jobGone = true;
        notifyAll();
        if (created && !deleting) {
            finish(Ending.failed(new Verdict(FailureCause.JOB_FAILED,
                    "job " + jobName + " was deleted before it finished (not by kubebench)"), clock.instant()));
        }
    }

    /** The last state stays in {@code pods} so a failure can still be classified from it. */
    private synchronized void onPodDeleted(Pod pod) {
        livePods.remove(pod.getMetadata().getName());
        unschedulableSinceNanos.remove(pod.getMetadata().getName());
        notifyAll();
    }

    private synchronized void onPod(Pod pod) {
        String name = pod.getMetadata().getName();
        pods.put(name, pod);
        livePods.add(name);
        Instant now = clock.instant();
        for (PodCondition c : FailureClassifier.conditions(pod)) {
            if ("PodScheduled".equals(c.getType()) && "True".equals(c.getStatus())) {
                once(EventKind.POD_SCHEDULED, name, JobCondition.time(c.getLastTransitionTime()));
                unschedulableSinceNanos.remove(name);
            } else if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
                once(EventKind.POD_READY, name, JobCondition.time(c.getLastTransitionTime()));
            }
        }
        Optional<String> unschedulable = FailureClassifier.unschedulable(pod);
        if (unschedulable.isPresent()) {
            unschedulableSinceNanos.putIfAbsent(name, System.nanoTime());
            unschedulableMessage.put(name, unschedulable.get());
        }
        Instant started = startedAt(pod);
        if (started != null) {
            once(EventKind.POD_STARTED, name, started);
        }
        FailureClassifier.immediate(pod).ifPresent(v -> finish(Ending.failed(v, now)));
        logs.observe(pod);
        long runningPods = pods.values().stream()
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).count();
        if (!running && runningPods > 0) {
            running = true;
            progress.phase("running");
        }
        progress.replicas((int) runningPods, livePods.size());
    }

    private void once(EventKind event, String pod, Instant at) {
        if (recorded.add(event.jsonName() + "/" + pod)) {
            timeline.record(orNow(at), event, pod, null);
        }
    }

    private static Instant startedAt(Pod pod) {
        Instant first = null;
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            ContainerState s = cs.getState();
            String t = null;
            if (s != null && s.getRunning() != null) {
                t = s.getRunning().getStartedAt();
            } else if (s != null && s.getTerminated() != null) {
                t = s.getTerminated().getStartedAt();
            }
            if (t == null && cs.getLastState() != null && cs.getLastState().getTerminated() != null) {
                t = cs.getLastState().getTerminated().getStartedAt();
            }
            Instant i = JobCondition.time(t);
            if (i != null && (first == null || i.isBefore(first))) {
                first = i;
            }
        }
        return first;
    }

    private synchronized void checkUnschedulable(long nowNanos) {
        for (Map.Entry<String, Long> e : unschedulableSinceNanos.entrySet()) {
            if (nowNanos - e.getValue() >= unschedulableGrace.toNanos()) {
                finish(Ending.failed(new Verdict(FailureCause.UNSCHEDULABLE, "pod " + e.getKey()
                        + " unschedulable for " + human(unschedulableGrace) + ": "
                        + unschedulableMessage.get(e.getKey())), clock.instant()));
                return;
            }
        }
    }

    private synchronized String stateSummary() {
        if (!created) {
            return "job not created";
        }
        if (queued && !admitted) {
            return "still queued";
        }
        long runningPods = pods.values().stream()
                .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).count();
        return runningPods + "/" + pods.size() + " pods running";
    }

    private void finish(Ending e) {
        ending.complete(e);
    }

    private Instant orNow(Instant t) {
        return t == null ? clock.instant() : t;
    }

    static String human(Duration d) {
        long s = d.getSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return d.toMillis() % 1000 == 0 ? s + "s" : d.toMillis() + "ms";
    }

    @Override
    public void close() {
        if (jobInformer != null) {
            jobInformer.close();
        }
        if (podInformer != null) {
            podInformer.close();
        }
    }
}
