package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.trial.TrialState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.catalog.plan.JobNames;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.runner.Timeline;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.render.RunLabels;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.extension.ExtendWith;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every job kind and failure class end to end against the CRUD mock API server and the operator simulator. */
@ExtendWith(MockApiServerExtension.class)
class KubernetesBackendTest {
    static final String NS = "test";
    private static final AtomicInteger RUNS = new AtomicInteger(0xa1b200);

    KubernetesMockServer server;
    KubernetesClient client;

    @TempDir
    Path dir;

    private KubernetesClient backendClient;
    private KubernetesBackend backend;
    private OperatorSimulator simulator;
    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void setUp() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                .create();
        backend = backend(SETTINGS, TestJobs.MANIFESTS);
        simulator = new OperatorSimulator(server, client, NS);
    }

    @AfterEach
    void tearDown() {
        simulator.close();
        backend.close();
    }

    /** Test budgets: retries for 10 s, a log drain of 3 s (production: 2 min and 15 s). */
    static final KubernetesSettings SETTINGS = new KubernetesSettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(3),
            Duration.ofSeconds(5), true, Duration.ofSeconds(1));

    /** A backend on its own client, built as production builds it (fabric8 retries off, Retry-After hints). */
    private KubernetesBackend backend(KubernetesSettings settings, ManifestSource manifests) {
        backendClient = KubernetesClients.build(new ConfigBuilder(client.getConfiguration()).withNamespace(NS)
                .withUserAgent(KubernetesClients.USER_AGENT).withRequestRetryBackoffLimit(0)
                .withRequestTimeout(Math.toIntExact(settings.requestTimeout().toMillis())).build());
        return new KubernetesBackend(backendClient, settings, manifests, warnings::add);
    }

    static String newRunId() {
        return "20261128-201500-" + Integer.toHexString(RUNS.getAndIncrement());
    }

    private TrialContext context(String runId) {
        return context(runId, false);
    }

    private TrialContext context(String runId, boolean keep) {
        return context(runId, keep, null);
    }

    private TrialContext context(String runId, boolean keep, dev.kubebench.runner.ProgressListener progress) {
        Path trialDir = dir.resolve("trials/0");
        return new TrialContext(runId, trialDir, Timeline.open(trialDir, Clock.systemUTC()), progress,
                Clock.systemUTC(), keep);
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of(JobKind.PYTORCH_JOB, null, List.of("master-0", "worker-0", "worker-1")),
                Arguments.of(JobKind.TF_JOB, null, List.of("chief-0", "worker-0", "worker-1")),
                Arguments.of(JobKind.MPI_JOB, null, List.of("launcher", "worker-0", "worker-1")),
                Arguments.of(JobKind.MPI_JOB, "kubeflow.org/v2beta1", List.of("launcher-", "worker-0", "worker-1")),
                Arguments.of(JobKind.XGBOOST_JOB, null, List.of("master-0", "worker-0", "worker-1")),
                Arguments.of(JobKind.JAX_JOB, null, List.of("worker-0", "worker-1")),
                Arguments.of(JobKind.PADDLE_JOB, null, List.of("master-0", "worker-0", "worker-1")),
                Arguments.of(JobKind.TRAIN_JOB, null, List.of("node-0-0-", "node-0-1-")),
                Arguments.of(JobKind.JOB, null, List.of("")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("kinds")
    void everyKindRunsFromSubmitToCleanup(JobKind kind, String apiVersion, List<String> podSuffixes)
            throws Exception {
        String runId = newRunId();
        Trial trial = TestJobs.trial(kind, apiVersion, TestJobs.defaultReplicas(kind), Duration.ofSeconds(30), null);
        JobType type = JobType.of(kind, apiVersion);
        String job = JobNames.jobName("resnet", runId, 0);
        CompletableFuture<Void> sim = simulator.simulate(type, job, OperatorSimulator.Behavior.SUCCEED, 100, false);

        TrialOutcome outcome = backend.runTrial(trial, context(runId));
        sim.get(60, TimeUnit.SECONDS); // generous: the simulator only finishes its bookkeeping here

        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        List<String> logs;
        try (Stream<Path> s = Files.list(dir.resolve("trials/0/logs"))) {
            logs = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(podSuffixes.size(), logs.size(), logs.toString());
        for (String suffix : podSuffixes) {
            assertTrue(logs.stream().anyMatch(l -> l.startsWith(job + (suffix.isEmpty() ? "" : "-" + suffix))),
                    suffix + " in " + logs);
        }
        for (String l : logs) {
            List<String> lines = Files.readAllLines(dir.resolve("trials/0/logs").resolve(l));
            assertEquals(OperatorSimulator.mllogLines(), lines, l);
        }
        List<String> events = events();
        for (String e : List.of("submitted", "pod_scheduled", "pod_started", "pod_ready", "first_log_line",
                "finished", "deleted")) {
            assertTrue(events.contains(e), e + " in " + events);
        }
        assertEquals(podSuffixes.size(), events.stream().filter("pod_ready"::equals).count());
        assertTrue(events.indexOf("submitted") < events.indexOf("finished"));
        assertTrue(events.indexOf("finished") < events.indexOf("deleted"));
        String manifest = Files.readString(dir.resolve("trials/0/manifest.yaml"));
        assertTrue(manifest.contains("kind: \"" + kind.kindName() + "\"") && manifest.contains("kind: \"ConfigMap\""), manifest);
        assertNothingLeft(runId);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(OperatorSimulator.Behavior.EXIT_FAILURE, FailureCause.JOB_FAILED,
                        TrialState.FAILED, "PyTorchJobFailed"),
                Arguments.of(OperatorSimulator.Behavior.OOM, FailureCause.OOM_KILLED, TrialState.FAILED,
                        "OOMKilled (exit 137), memory limit 1Gi"),
                Arguments.of(OperatorSimulator.Behavior.CRASH_LOOP, FailureCause.CRASH_LOOP,
                        TrialState.FAILED, "CrashLoopBackOff after 3 restarts, last exit code 1"),
                Arguments.of(OperatorSimulator.Behavior.IMAGE_PULL, FailureCause.IMAGE_PULL,
                        TrialState.INFRASTRUCTURE, "ErrImagePull: failed to pull and unpack image"),
                Arguments.of(OperatorSimulator.Behavior.UNSCHEDULABLE, FailureCause.UNSCHEDULABLE,
                        TrialState.INFRASTRUCTURE, "4 Insufficient nvidia.com/gpu"),
                Arguments.of(OperatorSimulator.Behavior.EVICTED, FailureCause.EVICTED,
                        TrialState.INFRASTRUCTURE, "evicted: The node was low on resource: memory"),
                Arguments.of(OperatorSimulator.Behavior.DEADLINE, FailureCause.DEADLINE_EXCEEDED,
                        TrialState.FAILED, "active longer than specified deadline"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresAreClassifiedAndCleanedUp(OperatorSimulator.Behavior behavior, FailureCause expected,
                                           TrialState state, String reasonPart) throws Exception {
        String runId = newRunId();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, behavior, 100, Duration.ofSeconds(30), null);
        assertEquals(expected, outcome.cause(), outcome.reason());
        assertEquals(state, outcome.state());
        assertTrue(outcome.reason().contains(reasonPart), outcome.reason());
        assertFalse(outcome.reason().contains("\n"));
        assertTrue(events().contains("deleted"));
        assertNothingLeft(runId);
    }

    @Test
    void twoTrialsRunAtOnceThroughTheExecutorEachWithItsOwnWatchAndCleanup() throws Exception {
        String runId = newRunId();
        Trial one = TestJobs.trial(JobKind.PYTORCH_JOB, null, TestJobs.defaultReplicas(JobKind.PYTORCH_JOB),
                Duration.ofSeconds(30), null);
        dev.kubebench.catalog.plan.BenchmarkPlan plan = dev.kubebench.runner.TestSpecs.plan(
                List.of(one.benchmark(), one.benchmark()));
        JobType type = JobType.of(JobKind.PYTORCH_JOB, null);
        List<CompletableFuture<Void>> sims = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sims.add(simulator.simulate(type, JobNames.jobName("resnet", runId, i),
                    OperatorSimulator.Behavior.SUCCEED, 1500, false));
        }
        dev.kubebench.runner.RunExecutor executor = new dev.kubebench.runner.RunExecutor(backend, runId,
                t -> dir.resolve("trials").resolve(Integer.toString(t.index())), null, null, Clock.systemUTC(),
                false, 2);
        List<TrialOutcome> outcomes = executor.run(plan);
        for (CompletableFuture<Void> sim : sims) {
            sim.get(10, TimeUnit.SECONDS);
        }
        assertEquals(2, outcomes.size());
        for (TrialOutcome o : outcomes) {
            assertEquals(TrialState.SUCCEEDED, o.state(), o.reason());
        }
        assertTrue(outcomes.get(1).startedAt().isBefore(outcomes.get(0).finishedAt())
                && outcomes.get(0).startedAt().isBefore(outcomes.get(1).finishedAt()), "trials overlapped: "
                + outcomes);
        for (int i = 0; i < 2; i++) {
            Path logs = dir.resolve("trials/" + i + "/logs");
            try (Stream<Path> s = Files.list(logs)) {
                String job = JobNames.jobName("resnet", runId, i);
                List<String> names = s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
                assertEquals(3, names.size(), names.toString());
                assertTrue(names.stream().allMatch(n -> n.startsWith(job + "-")), "only trial " + i + "'s pods: "
                        + names);
            }
        }
        assertNothingLeft(runId);
    }

    @Test
    void trainJobDeadlineUsesTheFailedConditionReason() throws Exception {
        String runId = newRunId();
        TrialOutcome outcome = run(JobKind.TRAIN_JOB, runId, OperatorSimulator.Behavior.DEADLINE, 50,
                Duration.ofSeconds(30), null);
        assertEquals(FailureCause.DEADLINE_EXCEEDED, outcome.cause(), outcome.reason());
        assertTrue(outcome.reason().contains("DeadlineExceeded"), outcome.reason());
        assertNothingLeft(runId);
    }

    @Test
    void kueueQueueingIsRecordedAsQueuedThenAdmitted() throws Exception {
        String runId = newRunId();
        List<String> phases = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        dev.kubebench.runner.ProgressListener progress = new dev.kubebench.runner.ProgressListener() {
            @Override
            public void phase(String phase) {
                phases.add(phase);
            }

            @Override
            public void logLine(String replica, String line) {
                lines.add(line);
            }
        };
        Trial trial = TestJobs.trial(JobKind.PYTORCH_JOB, null, TestJobs.defaultReplicas(JobKind.PYTORCH_JOB),
                Duration.ofSeconds(30), "team-a");
        CompletableFuture<Void> sim = simulator.simulate(JobType.of(JobKind.PYTORCH_JOB, null),
                JobNames.jobName("resnet", runId, 0), OperatorSimulator.Behavior.SUCCEED, 50, true);
        TrialOutcome outcome = backend.runTrial(trial, context(runId, false, progress));
        sim.get(60, TimeUnit.SECONDS); // generous: the simulator only finishes its bookkeeping here
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        assertEquals(List.of("submitted", "queued", "admitted", "running"), phases);
        assertEquals(3 * OperatorSimulator.mllogLines().size(), lines.size());
        List<String> events = events();
        assertTrue(events.indexOf("queued") >= 0 && events.indexOf("queued") < events.indexOf("admitted"),
                events.toString());
        assertTrue(events.indexOf("admitted") < events.indexOf("pod_scheduled"), events.toString());
        assertTrue(Files.readString(dir.resolve("trials/0/events.jsonl")).contains("\"detail\":\"queue team-a\""));
        assertNothingLeft(runId);
    }

    @Test
    void logsFollowContainerRestartsWithAMarker() throws Exception {
        String runId = newRunId();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.RESTART_THEN_SUCCEED, 200,
                Duration.ofSeconds(30), null);
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        String job = JobNames.jobName("resnet", runId, 0);
        List<String> lines = Files.readAllLines(dir.resolve("trials/0/logs/" + job + "-master-0.log"));
        int marker = lines.indexOf(lines.stream().filter(l -> l.contains("container pytorch restarted (restart 1)"))
                .findFirst().orElseThrow());
        assertEquals(OperatorSimulator.mllogLines(), lines.subList(0, marker));
        assertEquals("after restart", lines.get(marker + 1));
        String timeline = Files.readString(dir.resolve("trials/0/events.jsonl"));
        assertTrue(timeline.contains("\"event\":\"pod_restarted\",\"pod\":\"" + job + "-master-0\",\"detail\":"
                + "\"container pytorch restart 1; previous attempt ran 1.2s, exit 1 (Error)\""), timeline);
        assertNothingLeft(runId);
    }

    @Test
    void timeoutEndsTheTrialAndDeletesEverything() throws Exception {
        String runId = newRunId();
        long start = System.nanoTime();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.HANG, 0,
                Duration.ofSeconds(2), null);
        assertEquals(TrialState.TIMED_OUT, outcome.state());
        assertEquals(FailureCause.TIMEOUT, outcome.cause());
        assertTrue(outcome.reason().matches("trial exceeded its timeout of 2s \\((\\d+/\\d+ pods running|job not created)\\)"),
                outcome.reason());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
        assertNothingLeft(runId);
    }

    @Test
    void interruptCleansUpBeforeRethrowing() throws Exception {
        String runId = newRunId();
        Trial trial = TestJobs.trial(JobKind.PYTORCH_JOB, null, TestJobs.defaultReplicas(JobKind.PYTORCH_JOB),
                Duration.ofMinutes(5), null);
        String job = JobNames.jobName("resnet", runId, 0);
        CompletableFuture<Void> sim = simulator.simulate(JobType.of(JobKind.PYTORCH_JOB, null), job,
                OperatorSimulator.Behavior.HANG, 0, false);
        ExecutorService exec = Executors.newSingleThreadExecutor();
        try {
            TrialContext ctx = context(runId);
            Future<TrialOutcome> f = exec.submit(() -> backend.runTrial(trial, ctx));
            for (int i = 0; i < 200 && !events().contains("pod_ready"); i++) {
                Thread.sleep(25);
            }
            exec.shutdownNow();
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof InterruptedException, String.valueOf(e.getCause()));
        } finally {
            exec.shutdownNow();
        }
        sim.get(60, TimeUnit.SECONDS); // generous: the simulator only finishes its bookkeeping here
        List<String> events = events();
        assertTrue(events.contains("finished") && events.contains("deleted"), events.toString());
        assertNothingLeft(runId);
    }

    @Test
    void aJobDeletedBySomeoneElseFailsTheTrial() throws Exception {
        String runId = newRunId();
        String job = JobNames.jobName("resnet", runId, 0);
        JobType type = JobType.of(JobKind.PYTORCH_JOB, null);
        CompletableFuture<Void> deleter = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < 400; i++) {
                    if (client.pods().inNamespace(NS).withLabel(JobType.TRAINING_JOB_NAME_LABEL, job).list()
                            .getItems().size() == 3) {
                        break;
                    }
                    Thread.sleep(25);
                }
                client.genericKubernetesResources(type.context()).inNamespace(NS).withName(job).delete();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.HANG, 0,
                Duration.ofSeconds(30), null);
        deleter.get(10, TimeUnit.SECONDS);
        assertEquals(FailureCause.JOB_FAILED, outcome.cause(), outcome.reason());
        assertEquals("job " + job + " was deleted before it finished (not by kubebench)", outcome.reason());
        assertNothingLeft(runId);
    }

    @Test
    void apiRequestsDoNotGrowWithTheJobsDuration() throws Exception {
        drainRequests();
        run(JobKind.PYTORCH_JOB, newRunId(), OperatorSimulator.Behavior.SUCCEED, 100, Duration.ofSeconds(30), null);
        Map<String, Long> shortRun = drainRequests();
        run(JobKind.PYTORCH_JOB, newRunId(), OperatorSimulator.Behavior.SUCCEED, 2500, Duration.ofSeconds(30), null);
        Map<String, Long> longRun = drainRequests();
        // Two kinds of request depend on timing, not on the job's length, and a loaded machine can cause them in
        // either run: a full read of a log whose stream had not delivered its end by the drain's deadline (at most
        // one per container), and the watch fabric8 may open while it checks that a pod is ready before reading
        // its log (its informer lists, and can start watching before the list's answer ends the check; at most
        // one per such list). All other requests must be the same in both runs.
        for (Map<String, Long> requests : List.of(shortRun, longRun)) {
            requests.forEach((request, n) -> {
                if (isFullLogRead(request)) {
                    assertEquals(1L, n, request);
                } else if (isReadinessWatch(request)) {
                    assertTrue(n <= requests.getOrDefault(request.replaceAll("allowWatchBookmarks=true&", "")
                            .replaceAll("&resourceVersion=N&timeoutSeconds=600&watch=true", ""), 0L), request
                            + " more often than its readiness list: " + requests);
                }
            });
        }
        assertEquals(timingIndependent(shortRun), timingIndependent(longRun));
        // 14 to run and delete the job, and 2 per replica to check that its log is whole before deletion
        assertTrue(timingIndependent(shortRun).values().stream().mapToLong(Long::longValue).sum() <= 20,
                shortRun.toString());
    }

    private static boolean isFullLogRead(String request) {
        return request.startsWith("GET ") && request.contains("/log?") && !request.contains("follow=true")
                && !request.contains("tailLines=");
    }

    /** fabric8's readiness check before a log read: a watch of one pod by name. */
    private static boolean isReadinessWatch(String request) {
        return request.startsWith("GET /api/v1/namespaces/test/pods?") && request.contains("fieldSelector=metadata.name")
                && request.contains("watch=true");
    }

    private static Map<String, Long> timingIndependent(Map<String, Long> requests) {
        Map<String, Long> out = new java.util.TreeMap<>(requests);
        out.keySet().removeIf(r -> isFullLogRead(r) || isReadinessWatch(r));
        return out;
    }

    @Test
    void keptObjectsAreRemovedByCleanupOfTheRun() throws Exception {
        String runId = newRunId();
        Trial trial = TestJobs.trial(JobKind.TF_JOB, null, TestJobs.defaultReplicas(JobKind.TF_JOB),
                Duration.ofSeconds(30), null);
        String job = JobNames.jobName("resnet", runId, 0);
        CompletableFuture<Void> sim = simulator.simulate(JobType.of(JobKind.TF_JOB, null), job,
                OperatorSimulator.Behavior.SUCCEED, 50, false);
        TrialOutcome outcome = backend.runTrial(trial, context(runId, true));
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("kubebench cleanup --run-id " + runId)), warnings.toString());
        assertFalse(events().contains("deleted"));
        assertEquals(2, client.genericKubernetesResources(JobType.of(JobKind.TF_JOB, null).context()).inNamespace(NS)
                .withLabel(RunLabels.RUN_ID, runId).list().getItems().size()
                + client.configMaps().inNamespace(NS).withLabel(RunLabels.RUN_ID, runId).list()
                .getItems().size());
        int deleted = backend.cleanup(runId);
        sim.get(60, TimeUnit.SECONDS); // generous: the simulator only finishes its bookkeeping here
        assertTrue(deleted >= 2, "deleted " + deleted);
        assertNothingLeft(runId);
    }

    @Test
    void forbiddenCreateStopsWithTheMissingPermission() throws Exception {
        String runId = newRunId();
        String job = JobNames.jobName("resnet", runId, 0);
        server.expect().post().withPath("/apis/kubeflow.org/v1/namespaces/test/pytorchjobs")
                .andReturn(403, status(403, "Forbidden", "pytorchjobs.kubeflow.org is forbidden: User \"alice\" cannot "
                        + "create resource \"pytorchjobs\" in API group \"kubeflow.org\" in the namespace \"test\""))
                .once();
        Trial trial = TestJobs.trial(JobKind.PYTORCH_JOB, null, TestJobs.defaultReplicas(JobKind.PYTORCH_JOB),
                Duration.ofSeconds(30), null);
        TrialOutcome outcome = backend.runTrial(trial, context(runId));
        assertEquals(TrialState.INFRASTRUCTURE, outcome.state());
        assertEquals(FailureCause.API_ERROR, outcome.cause());
        assertTrue(outcome.reason().contains("forbidden: missing permission to create pytorchjobs.kubeflow.org in "
                + "namespace test"), outcome.reason());
        assertTrue(events().contains("deleted"), "the ConfigMap created before is deleted");
        assertTrue(job.startsWith("resnet-"));
        assertNothingLeft(runId);
    }

    @Test
    void forbiddenWatchOfPodsStopsTheTrial() throws Exception {
        String runId = newRunId();
        String job = JobNames.jobName("resnet", runId, 0);
        server.expect().get().withPath("/api/v1/namespaces/test/pods?labelSelector=training.kubeflow.org%2Fjob-name%3D"
                + job + "&resourceVersion=0").andReturn(403, status(403, "Forbidden", "pods is forbidden: User "
                + "\"alice\" cannot list resource \"pods\" in API group \"\" in the namespace \"test\"")).always();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.HANG, 0,
                Duration.ofSeconds(30), null);
        assertEquals(TrialState.INFRASTRUCTURE, outcome.state(), outcome.reason());
        assertTrue(outcome.reason().contains("missing permission to watch pods in namespace test"), outcome.reason());
        client.pods().inNamespace(NS).withLabel(RunLabels.RUN_ID, runId).delete();
        assertNothingLeft(runId);
    }

    @Test
    void serverErrorsAndThrottlingAreRetried() throws Exception {
        String runId = newRunId();
        String job = JobNames.jobName("resnet", runId, 0);
        server.expect().post().withPath("/api/v1/namespaces/test/configmaps")
                .andReturn(429, status(429, "TooManyRequests", "too many requests, please try again later")).once();
        server.expect().get().withPath("/apis/kubeflow.org/v1/namespaces/test/pytorchjobs?fieldSelector="
                + "metadata.name%3D" + job + "&resourceVersion=0")
                .andReturn(500, status(500, "InternalError", "etcdserver: request timed out")).times(2);
        server.expect().get().withPath("/api/v1/namespaces/test/pods?labelSelector=training.kubeflow.org%2Fjob-name%3D"
                + job + "&resourceVersion=0").andReturn(503, status(503, "ServiceUnavailable", "unavailable")).once();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.SUCCEED, 100,
                Duration.ofSeconds(30), null);
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        assertNothingLeft(runId);
    }

    @Test
    void watchAnswered410GoneIsRelistedWithoutLosingTheEnd() throws Exception {
        String runId = newRunId();
        String job = JobNames.jobName("resnet", runId, 0);
        Status gone = status(410, "Expired", "too old resource version: 1 (2)");
        server.expect().get().withPath("/apis/kubeflow.org/v1/namespaces/test/pytorchjobs?allowWatchBookmarks=true"
                + "&fieldSelector=metadata.name%3D" + job + "&resourceVersion=1&timeoutSeconds=600&watch=true")
                .andReturn(410, gone).once();
        server.expect().get().withPath("/api/v1/namespaces/test/pods?allowWatchBookmarks=true&labelSelector="
                + "training.kubeflow.org%2Fjob-name%3D" + job + "&resourceVersion=1&timeoutSeconds=600&watch=true")
                .andReturn(410, gone).once();
        drainRequests();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.SUCCEED, 0,
                Duration.ofSeconds(30), null);
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        Map<String, Long> requests = drainRequests();
        assertTrue(requests.keySet().stream().filter(k -> k.contains("pytorchjobs?fieldSelector")).count() >= 1
                && requests.entrySet().stream().filter(e -> e.getKey().contains("pytorchjobs?allowWatchBookmarks"))
                .mapToLong(Map.Entry::getValue).sum() >= 2, "re-watched after 410: " + requests);
        assertNothingLeft(runId);
    }

    @Test
    void failedBeforeThePodUpdateIsStillJudgedFromThePods() throws Exception {
        String runId = newRunId();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.OOM_FAILED_FIRST, 100,
                Duration.ofSeconds(30), null);
        assertEquals(FailureCause.OOM_KILLED, outcome.cause(), outcome.reason());
        assertTrue(outcome.reason().contains("OOMKilled (exit 137), memory limit 1Gi"), outcome.reason());
        assertNothingLeft(runId);
    }

    @Test
    void aLostNodeIsInfrastructureAndTheReplacementPodIsStreamed() throws Exception {
        String runId = newRunId();
        String job = JobNames.jobName("resnet", runId, 0);
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.NODE_LOST, 100,
                Duration.ofSeconds(30), null);
        assertEquals(TrialState.INFRASTRUCTURE, outcome.state(), outcome.reason());
        assertEquals(FailureCause.NODE_LOST, outcome.cause(), outcome.reason());
        assertTrue(outcome.reason().startsWith("node " + OperatorSimulator.NODE_PREFIX + "0 was lost: pod " + job
                + "-master-0 was deleted by PodGC (DeletionByPodGC"), outcome.reason());
        List<String> lines = Files.readAllLines(dir.resolve("trials/0/logs/" + job + "-master-0.log"));
        int marker = lines.indexOf(lines.stream().filter(l -> l.contains("pod " + job + "-master-0 was re-created"))
                .findFirst().orElseThrow());
        assertEquals(OperatorSimulator.mllogLines(), lines.subList(0, marker));
        assertEquals("after re-creation", lines.get(marker + 1));
        assertEquals(OperatorSimulator.mllogLines(), lines.subList(marker + 2, lines.size()));
        assertTrue(events().contains("disruption"), events().toString());
        assertNothingLeft(runId);
    }

    @Test
    void anEvictionIsADisruptionInTheTimeline() throws Exception {
        String runId = newRunId();
        run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.EVICTED, 100, Duration.ofSeconds(30), null);
        assertTrue(Files.readString(dir.resolve("trials/0/events.jsonl")).contains("\"event\":\"disruption\",\"pod\":\""
                + JobNames.jobName("resnet", runId, 0) + "-master-0\",\"detail\":\"Evicted: The node was low on resource: "
                + "memory."), "disruption recorded");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(value = OperatorSimulator.LogDelivery.class, names = {"SLOW", "CUT"})
    void aLogThatTricklesOrIsCutIsCompletedBeforeThePodsAreDeleted(OperatorSimulator.LogDelivery delivery)
            throws Exception {
        String runId = newRunId();
        simulator.logDelivery(delivery);
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.SUCCEED, 100,
                Duration.ofSeconds(30), null);
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        String job = JobNames.jobName("resnet", runId, 0);
        assertEquals(OperatorSimulator.mllogLines(), Files.readAllLines(dir.resolve("trials/0/logs/" + job
                + "-master-0.log")));
        assertFalse(events().contains("log_incomplete"), events().toString());
        assertNothingLeft(runId);
    }

    @Test
    void aCreateAppliedButAnsweredLateIsTrackedAndDeleted() throws Exception {
        backend.close();
        backend = backend(new KubernetesSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(3), Duration.ofSeconds(5), true,
                Duration.ofSeconds(1)), TestJobs.MANIFESTS);
        ResourceDefinitionContext pytorchjobs = JobType.of(JobKind.PYTORCH_JOB, null).context();
        // the API server applies the create at once but answers only after the client's 1 s request timeout
        server.expect().post().delay(3000).withPath("/apis/kubeflow.org/v1/namespaces/test/pytorchjobs")
                .andReply(201, req -> {
                    GenericKubernetesResource job = client.getKubernetesSerialization().unmarshal(req.getUtf8Body(),
                            GenericKubernetesResource.class);
                    CompletableFuture.runAsync(() -> client.genericKubernetesResources(pytorchjobs).inNamespace(NS)
                            .resource(job).create());
                    return job;
                }).once();
        String runId = newRunId();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.SUCCEED, 100,
                Duration.ofSeconds(30), null);
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        assertTrue(events().contains("deleted"), events().toString());
        assertNothingLeft(runId);
    }

    @Test
    void throttlingHonoursRetryAfter() throws Exception {
        server.expect().post().withPath("/api/v1/namespaces/test/configmaps").andReply(new PreflightTest.Throttled(1))
                .times(4);
        String runId = newRunId();
        long start = System.nanoTime();
        TrialOutcome outcome = run(JobKind.PYTORCH_JOB, runId, OperatorSimulator.Behavior.SUCCEED, 100,
                Duration.ofSeconds(60), null);
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(3900), "waited Retry-After each time");
        assertNothingLeft(runId);
    }

    @Test
    void throttlingBeyondTheRetryBudgetEndsAsInfrastructure() throws Exception {
        backend.close();
        backend = backend(new KubernetesSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofMillis(50), Duration.ofMillis(400), Duration.ofSeconds(3), Duration.ofSeconds(5), true,
                Duration.ofSeconds(1)), TestJobs.MANIFESTS);
        server.expect().post().withPath("/apis/kubeflow.org/v1/namespaces/test/pytorchjobs")
                .andReply(new PreflightTest.Throttled(1)).always();
        String runId = newRunId();
        TrialOutcome outcome = backend.runTrial(TestJobs.trial(JobKind.PYTORCH_JOB, null,
                TestJobs.defaultReplicas(JobKind.PYTORCH_JOB), Duration.ofSeconds(30), null), context(runId));
        assertEquals(TrialState.INFRASTRUCTURE, outcome.state(), outcome.reason());
        assertEquals(FailureCause.API_ERROR, outcome.cause());
        assertTrue(outcome.reason().contains("throttled by the Kubernetes API") && outcome.reason().contains(
                "still throttled (429 Too Many Requests) after retrying for 2s"), outcome.reason());
        assertNothingLeft(runId);
    }

    @Test
    void anAdmissionWebhookDenialIsNamedAndQuoted() throws Exception {
        String webhook = "admission webhook \"validator.trainjob.trainer.kubeflow.org\" denied the request: "
                + "spec.RuntimeRef: Invalid value: \"torch-distributed\": ClusterTrainingRuntime.trainer.kubeflow.org "
                + "\"torch-distributed\" not found: specified clusterTrainingRuntime must be created before the "
                + "TrainJob is created";
        server.expect().post().withPath("/apis/trainer.kubeflow.org/v1alpha1/namespaces/test/trainjobs")
                .andReturn(403, status(403, "Forbidden", webhook)).once();
        String runId = newRunId();
        TrialOutcome outcome = backend.runTrial(TestJobs.trial(JobKind.TRAIN_JOB, null,
                TestJobs.defaultReplicas(JobKind.TRAIN_JOB), Duration.ofSeconds(30), null), context(runId));
        assertEquals(FailureCause.JOB_FAILED, outcome.cause(), outcome.reason());
        assertTrue(outcome.reason().contains("an admission webhook denied the create of trainjobs.trainer.kubeflow.org"
                + " in namespace test (403): " + webhook), outcome.reason());
        assertFalse(outcome.reason().contains("permission"), outcome.reason());
        assertNothingLeft(runId);
    }

    @Test
    void aManifestsOtherObjectsAreCreatedBeforeTheJobAndDeletedWithIt() throws Exception {
        ResourceDefinitionContext runtimes = TrainJobRuntimes.context(JobType.of(JobKind.TRAIN_JOB, null), false);
        List<String> seenDuringTheRun = new ArrayList<>();
        ManifestSource withRuntime = (trial, runId, jobName) -> {
            List<Map<String, Object>> objects = new ArrayList<>(TestJobs.MANIFESTS.manifests(trial, runId, jobName));
            objects.add(0, TestJobs.map("apiVersion", "trainer.kubeflow.org/v1alpha1", "kind", "TrainingRuntime",
                    "metadata", TestJobs.map("name", "torch-custom"), "spec", TestJobs.map()));
            return objects;
        };
        backend.close();
        backend = backend(SETTINGS, withRuntime);
        String runId = newRunId();
        dev.kubebench.runner.ProgressListener progress = new dev.kubebench.runner.ProgressListener() {
            @Override
            public void phase(String phase) {
                client.genericKubernetesResources(runtimes).inNamespace(NS).withLabel(RunLabels.RUN_ID, runId).list()
                        .getItems().forEach(r -> seenDuringTheRun.add(r.getMetadata().getName()));
            }
        };
        Trial trial = TestJobs.trial(JobKind.TRAIN_JOB, null, TestJobs.defaultReplicas(JobKind.TRAIN_JOB),
                Duration.ofSeconds(30), null);
        CompletableFuture<Void> sim = simulator.simulate(JobType.of(JobKind.TRAIN_JOB, null),
                JobNames.jobName("resnet", runId, 0), OperatorSimulator.Behavior.SUCCEED, 100, false);
        TrialOutcome outcome = backend.runTrial(trial, context(runId, false, progress));
        sim.get(60, TimeUnit.SECONDS);
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        assertTrue(seenDuringTheRun.contains("torch-custom"), seenDuringTheRun.toString());
        assertEquals(List.of(), client.genericKubernetesResources(runtimes).inNamespace(NS)
                .withLabel(RunLabels.RUN_ID, runId).list().getItems());
        assertNothingLeft(runId);
    }

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
                .build();
    }

    private TrialOutcome run(JobKind kind, String runId, OperatorSimulator.Behavior behavior, long runningMillis,
                             Duration timeout, String queue) throws Exception {
        Trial trial = TestJobs.trial(kind, null, TestJobs.defaultReplicas(kind), timeout, queue);
        String job = JobNames.jobName("resnet", runId, 0);
        CompletableFuture<Void> sim = simulator.simulate(JobType.of(kind, null), job, behavior, runningMillis,
                queue != null);
        TrialOutcome outcome = backend.runTrial(trial, context(runId));
        sim.get(60, TimeUnit.SECONDS); // generous: the simulator only finishes its bookkeeping here
        return outcome;
    }

    private List<String> events() throws Exception {
        Path file = dir.resolve("trials/0/events.jsonl");
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file).stream()
                .map(l -> l.replaceAll(".*\"event\":\"([a-z_]+)\".*", "$1")).collect(Collectors.toList());
    }

    /** kubebench's own requests (by User-Agent) per method and path without query values that vary per run. */
    private Map<String, Long> drainRequests() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        RecordedRequest r;
        while ((r = server.takeRequest(50, TimeUnit.MILLISECONDS)) != null) {
            if (KubernetesClients.USER_AGENT.equals(r.getHeader("User-Agent"))) {
                seen.add(r.getMethod() + " " + r.getPath().replaceAll("resnet-[0-9a-f]{6}-0", "JOB")
                        .replaceAll("resourceVersion=[0-9]+", "resourceVersion=N")
                        .replaceAll("run-id%3D[0-9a-f-]+", "run-id%3DRUN"));
            }
        }
        return seen.stream().collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting()));
    }

    private void assertNothingLeft(String runId) {
        List<String> left = new ArrayList<>();
        List<ResourceDefinitionContext> contexts = new ArrayList<>();
        for (JobKind k : JobKind.values()) {
            contexts.add(JobType.of(k, null).context());
        }
        contexts.add(JobType.of(JobKind.MPI_JOB, "kubeflow.org/v2beta1").context());
        for (ResourceDefinitionContext ctx : contexts) {
            for (GenericKubernetesResource r : client.genericKubernetesResources(ctx).inNamespace(NS)
                    .withLabel(RunLabels.RUN_ID, runId).list().getItems()) {
                left.add(r.getKind() + "/" + r.getMetadata().getName());
            }
        }
        client.configMaps().inNamespace(NS).withLabel(RunLabels.RUN_ID, runId).list().getItems()
                .forEach(c -> left.add("ConfigMap/" + c.getMetadata().getName()));
        for (Pod p : client.pods().inNamespace(NS).withLabel(RunLabels.RUN_ID, runId).list().getItems()) {
            left.add("Pod/" + p.getMetadata().getName());
        }
        assertEquals(List.of(), left);
    }
}
