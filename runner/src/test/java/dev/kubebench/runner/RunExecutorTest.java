package dev.kubebench.runner;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.core.trial.TrialState;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.FailureCause;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.runner.local.LocalBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunExecutorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A backend double that answers each trial from a script of outcomes (or exceptions). */
    private static final class ScriptedBackend implements Backend {
        interface Step {
            TrialOutcome run(Trial trial, TrialContext context) throws InterruptedException;
        }

        private final List<Step> steps;
        final List<Integer> ran = Collections.synchronizedList(new ArrayList<>());

        ScriptedBackend(List<Step> steps) {
            this.steps = steps;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public void preflight(BenchmarkPlan plan) {
        }

        @Override
        public TrialOutcome runTrial(Trial trial, TrialContext context) throws InterruptedException {
            ran.add(trial.index());
            context.timeline().record(EventKind.SUBMITTED, null, null);
            return steps.get(trial.index()).run(trial, context);
        }

        @Override
        public int cleanup(String runId) {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    private static TrialOutcome outcome(TrialState state) {
        return new TrialOutcome(state, state == TrialState.SUCCEEDED ? FailureCause.NONE
                : FailureCause.EXIT_CODE, state == TrialState.SUCCEEDED ? null : "boom", CLOCK.instant(),
                CLOCK.instant());
    }

    private static BenchmarkPlan plan(int trials) {
        Benchmark b = TestSpecs.benchmark("b", TestSpecs.job(JobKind.JOB, Map.of("Worker", 1), List.of("true")),
                Duration.ofMinutes(1), null);
        List<Benchmark> all = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            all.add(b);
        }
        return TestSpecs.plan(all);
    }

    private final List<String> completed = Collections.synchronizedList(new ArrayList<>());

    private RunExecutor executor(Backend backend, TrialCompletion extra) {
        return executor(backend, extra, 1);
    }

    private RunExecutor executor(Backend backend, TrialCompletion extra, int parallelism) {
        return new RunExecutor(backend, "run-1", t -> dir.resolve("trials").resolve(Integer.toString(t.index())),
                null, (trial, outcome, trialDir) -> {
                    assertTrue(Files.exists(trialDir.resolve("events.jsonl")));
                    assertFalse(Thread.currentThread().isInterrupted(), "completion runs uninterrupted");
                    completed.add(trial.index() + ":" + outcome.state());
                    extra.completed(trial, outcome, trialDir);
                }, CLOCK, false, parallelism);
    }

    @Test
    void runsEveryTrialInOrderAndContinuesAfterFailures() {
        ScriptedBackend backend = new ScriptedBackend(List.of(
                (t, c) -> outcome(TrialState.FAILED),
                (t, c) -> {
                    throw new KubebenchException(Failure.INFRASTRUCTURE, "0/3 nodes are available");
                },
                (t, c) -> outcome(TrialState.SUCCEEDED)));
        List<TrialOutcome> outcomes = executor(backend, TrialCompletion.NONE).run(plan(3));
        assertEquals(List.of(TrialState.FAILED, TrialState.INFRASTRUCTURE,
                TrialState.SUCCEEDED), outcomes.stream().map(TrialOutcome::state).collect(Collectors.toList()));
        assertEquals("0/3 nodes are available", outcomes.get(1).reason());
        assertEquals(List.of("0:FAILED", "1:INFRASTRUCTURE", "2:SUCCEEDED"), completed);
    }

    @Test
    void aCancelDuringCompletionStopsBeforeTheNextTrial() {
        ScriptedBackend backend = new ScriptedBackend(List.of(
                (t, c) -> outcome(TrialState.SUCCEEDED),
                (t, c) -> outcome(TrialState.SUCCEEDED)));
        AtomicReference<RunExecutor> self = new AtomicReference<>();
        RunExecutor executor = executor(backend, (t, o, d) -> self.get().cancel());
        self.set(executor);
        List<TrialOutcome> outcomes = executor.run(plan(2));
        assertEquals(1, outcomes.size());
        assertEquals(List.of(0), backend.ran);
        assertTrue(executor.cancelled());
    }

    @Test
    void aFailureCausedByTheCancelCountsAsInterrupted() {
        AtomicReference<RunExecutor> self = new AtomicReference<>();
        ScriptedBackend backend = new ScriptedBackend(List.of(
                (t, c) -> {
                    // As when Ctrl-C reaches a replica before kubebench stops it: the job fails, then we cancel.
                    self.get().cancel();
                    return outcome(TrialState.FAILED);
                },
                (t, c) -> outcome(TrialState.SUCCEEDED)));
        RunExecutor executor = executor(backend, TrialCompletion.NONE);
        self.set(executor);
        List<TrialOutcome> outcomes = executor.run(plan(2));
        assertEquals(1, outcomes.size());
        assertEquals(TrialState.INTERRUPTED, outcomes.get(0).state());
        assertEquals("interrupted (boom)", outcomes.get(0).reason());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aTrialTheBackendAlreadyInterruptedSaysInterruptedOnce() {
        AtomicReference<RunExecutor> self = new AtomicReference<>();
        ScriptedBackend backend = new ScriptedBackend(List.of(
                (t, c) -> {
                    // As TrialLifecycle ends a trial stopped by Ctrl-C: interrupted, reason "interrupted".
                    self.get().cancel();
                    return Outcomes.interrupted(Outcomes.INTERRUPTED, CLOCK.instant(), CLOCK.instant());
                }));
        RunExecutor executor = executor(backend, TrialCompletion.NONE);
        self.set(executor);
        List<TrialOutcome> outcomes = executor.run(plan(1));
        assertEquals(TrialState.INTERRUPTED, outcomes.get(0).state());
        assertEquals("interrupted", outcomes.get(0).reason());
    }

    @Test
    void anUnsuccessfulTrialDuringACancelIsInterruptedWithItsReasonInBrackets() {
        TrialOutcome timedOut = Outcomes.duringCancel(outcome(TrialState.TIMED_OUT));
        assertEquals(TrialState.INTERRUPTED, timedOut.state());
        assertEquals("interrupted (boom)", timedOut.reason());
    }

    @Test
    void cancelStopsARealLocalTrialCompletesItAsInterruptedAndLeavesNoProcess() throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        ProgressListener progress = new ProgressListener() {
            @Override
            public void logLine(String replica, String line) {
                up.countDown();
            }
        };
        Benchmark sleeper = TestSpecs.benchmark("s", TestSpecs.job(JobKind.JOB, Map.of("Worker", 1),
                List.of("sh", "-c", "sleep 300 & echo $! > child.pid; echo up; wait")), Duration.ofMinutes(5), null);
        BenchmarkPlan plan = TestSpecs.plan(List.of(sleeper, sleeper));
        try (LocalBackend backend = new LocalBackend(System.getenv(), Duration.ofSeconds(1))) {
            RunExecutor executor = new RunExecutor(backend, "run-1",
                    t -> dir.resolve("trials").resolve(Integer.toString(t.index())), t -> progress,
                    (trial, outcome, trialDir) -> completed.add(trial.index() + ":" + outcome.state()),
                    Clock.systemUTC(), false);
            AtomicReference<List<TrialOutcome>> result = new AtomicReference<>();
            Thread thread = new Thread(() -> result.set(executor.run(plan)));
            thread.start();
            assertTrue(up.await(30, TimeUnit.SECONDS));
            executor.cancel();
            assertTrue(executor.awaitStopped(Duration.ofSeconds(30)));
            thread.join(10_000);
            assertEquals(List.of(TrialState.INTERRUPTED),
                    result.get().stream().map(TrialOutcome::state).collect(Collectors.toList()));
            assertEquals(List.of("0:INTERRUPTED"), completed);
            Path trial0 = dir.resolve("trials/0");
            long replica = Long.parseLong(Files.readAllLines(trial0.resolve("events.jsonl")).stream()
                    .filter(l -> l.contains("pod_started")).findFirst().orElseThrow()
                    .replaceAll(".*\"pid (\\d+)\".*", "$1"));
            long child = Long.parseLong(Files.readString(trial0.resolve("files/child.pid")).trim());
            for (long pid : List.of(replica, child)) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
                        && !Files.readString(Path.of("/proc/" + pid + "/stat")).contains(") Z "), "pid " + pid);
            }
            assertFalse(Files.exists(dir.resolve("trials/1")), "no trial after the cancel");
        }
    }

    @Test
    void twoTrialsRunAtOnceOutcomesComeInPlanOrderAndCompletionsNeverOverlap() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch firstCompleted = new CountDownLatch(1);
        ScriptedBackend.Step meet = (t, c) -> {
            bothRunning.countDown();
            assertTrue(bothRunning.await(10, TimeUnit.SECONDS), "trials 0 and 1 did not run at the same time");
            if (t.index() == 0) {
                // trial 0 ends after trial 1, so completion order differs from plan order
                assertTrue(firstCompleted.await(10, TimeUnit.SECONDS));
                return outcome(TrialState.FAILED);
            }
            return outcome(TrialState.SUCCEEDED);
        };
        ScriptedBackend backend = new ScriptedBackend(List.of(meet, meet,
                (t, c) -> outcome(TrialState.SUCCEEDED)));
        AtomicInteger inCompletion = new AtomicInteger();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<TrialOutcome> outcomes = executor(backend, (t, o, d) -> {
            assertEquals(1, inCompletion.incrementAndGet(), "completion callbacks overlapped");
            threads.add(Thread.currentThread().getName());
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            inCompletion.decrementAndGet();
            firstCompleted.countDown();
        }, 2).run(plan(3));
        assertEquals(List.of(TrialState.FAILED, TrialState.SUCCEEDED, TrialState.SUCCEEDED),
                outcomes.stream().map(TrialOutcome::state).collect(Collectors.toList()));
        assertEquals("1:SUCCEEDED", completed.get(0));
        assertEquals(3, completed.size());
        assertEquals(2, threads.size(), "two worker threads: " + threads);
    }

    @Test
    void inParallelAFailedTrialDoesNotStopTheOthers() {
        ScriptedBackend backend = new ScriptedBackend(List.of(
                (t, c) -> {
                    throw new KubebenchException(Failure.INFRASTRUCTURE, "quota exceeded");
                },
                (t, c) -> outcome(TrialState.FAILED),
                (t, c) -> {
                    throw new KubebenchException(Failure.TIMED_OUT, "too slow");
                },
                (t, c) -> outcome(TrialState.SUCCEEDED),
                (t, c) -> outcome(TrialState.SUCCEEDED)));
        List<TrialOutcome> outcomes = executor(backend, TrialCompletion.NONE, 2).run(plan(5));
        assertEquals(List.of(TrialState.INFRASTRUCTURE, TrialState.FAILED,
                TrialState.TIMED_OUT, TrialState.SUCCEEDED, TrialState.SUCCEEDED),
                outcomes.stream().map(TrialOutcome::state).collect(Collectors.toList()));
        assertEquals(List.of(0, 1, 2, 3, 4), backend.ran.stream().sorted().collect(Collectors.toList()));
        assertEquals(5, completed.size());
    }

    @Test
    void cancelInterruptsEveryRunningTrialAndStartsNoOther() throws Exception {
        CountDownLatch bothRunning = new CountDownLatch(2);
        List<Integer> cleanedUp = Collections.synchronizedList(new ArrayList<>());
        ScriptedBackend.Step hang = (t, c) -> {
            bothRunning.countDown();
            try {
                Thread.sleep(60_000);
                return outcome(TrialState.SUCCEEDED);
            } catch (InterruptedException e) {
                cleanedUp.add(t.index()); // as a backend deleting what it created
                throw e;
            }
        };
        ScriptedBackend backend = new ScriptedBackend(List.of(hang, hang, hang));
        RunExecutor executor = executor(backend, TrialCompletion.NONE, 2);
        AtomicReference<List<TrialOutcome>> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(executor.run(plan(3))));
        thread.start();
        assertTrue(bothRunning.await(10, TimeUnit.SECONDS));
        executor.cancel();
        assertTrue(executor.awaitStopped(Duration.ofSeconds(10)));
        thread.join(10_000);
        assertEquals(List.of(TrialState.INTERRUPTED, TrialState.INTERRUPTED),
                result.get().stream().map(TrialOutcome::state).collect(Collectors.toList()));
        assertEquals(List.of(0, 1), cleanedUp.stream().sorted().collect(Collectors.toList()));
        assertEquals(List.of(0, 1), backend.ran.stream().sorted().collect(Collectors.toList()));
        assertEquals(2, completed.size());
        assertFalse(Files.exists(dir.resolve("trials/2")), "no trial after the cancel");
    }

    @Test
    void anErrorInOneWorkerStopsTheRunAndIsThrownAfterTheOthersEnded() {
        CountDownLatch bothRunning = new CountDownLatch(2);
        List<Integer> cleanedUp = Collections.synchronizedList(new ArrayList<>());
        ScriptedBackend backend = new ScriptedBackend(List.of(
                (t, c) -> {
                    bothRunning.countDown();
                    assertTrue(bothRunning.await(10, TimeUnit.SECONDS));
                    return outcome(TrialState.SUCCEEDED);
                },
                (t, c) -> {
                    bothRunning.countDown();
                    try {
                        Thread.sleep(60_000);
                        return outcome(TrialState.SUCCEEDED);
                    } catch (InterruptedException e) {
                        cleanedUp.add(t.index());
                        throw e;
                    }
                },
                (t, c) -> outcome(TrialState.SUCCEEDED)));
        RunExecutor executor = executor(backend, (t, o, d) -> {
            if (t.index() == 0) {
                throw new IllegalStateException("disk full");
            }
        }, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> executor.run(plan(3)));
        assertEquals("disk full", e.getMessage());
        assertEquals(List.of(1), cleanedUp);
        assertFalse(backend.ran.contains(2));
    }

    @Test
    void parallelismBelowOneIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> executor(new ScriptedBackend(List.of()), TrialCompletion.NONE, 0));
    }

    @Test
    void twoRealLocalTrialsRunAtOnceWithDistinctPorts() throws Exception {
        // each replica marks itself ready, then waits (at most 20 s) until the other trial's replica is ready too
        String script = "echo $MASTER_PORT > port; touch ../../ready-$KUBEBENCH_TRIAL; i=0; "
                + "while [ ! -e ../../ready-0 ] || [ ! -e ../../ready-1 ]; do i=$((i+1)); "
                + "[ $i -gt 200 ] && exit 7; sleep 0.1; done; echo met";
        Benchmark pair = TestSpecs.benchmark("p", TestSpecs.job(JobKind.PYTORCH_JOB, Map.of("Master", 1),
                List.of("sh", "-c", script)), Duration.ofMinutes(1), null);
        try (LocalBackend backend = new LocalBackend(System.getenv(), Duration.ofSeconds(1))) {
            RunExecutor executor = new RunExecutor(backend, "run-1",
                    t -> dir.resolve("trials").resolve(Integer.toString(t.index())), null,
                    (trial, outcome, trialDir) -> completed.add(trial.index() + ":" + outcome.state()),
                    Clock.systemUTC(), false, 2);
            List<TrialOutcome> outcomes = executor.run(TestSpecs.plan(List.of(pair, pair)));
            assertEquals(List.of(TrialState.SUCCEEDED, TrialState.SUCCEEDED),
                    outcomes.stream().map(TrialOutcome::state).collect(Collectors.toList()), outcomes.toString());
            String port0 = Files.readString(dir.resolve("trials/0/files/port")).trim();
            String port1 = Files.readString(dir.resolve("trials/1/files/port")).trim();
            assertFalse(port0.isEmpty());
            assertFalse(port0.equals(port1), "both trials got port " + port0);
        }
    }

    @Test
    void awaitStoppedReturnsAtOnceWithoutARun() {
        RunExecutor executor = executor(new ScriptedBackend(List.of()), TrialCompletion.NONE);
        assertTrue(executor.awaitStopped(Duration.ofMillis(1)));
    }
}
