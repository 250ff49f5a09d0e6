package dev.kubebench.runner.local;

import dev.kubebench.core.trial.TrialState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.catalog.spec.Benchmark;
import dev.kubebench.catalog.spec.JobKind;
import dev.kubebench.catalog.spec.JobSpec;
import dev.kubebench.catalog.spec.LocalSpec;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.runner.ProgressListener;
import dev.kubebench.runner.TestSpecs;
import dev.kubebench.runner.Timeline;
import dev.kubebench.runner.TrialContext;
import dev.kubebench.core.trial.TrialOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: sh for lifecycle cases, which need no Python. */
class LocalBackendTest {
    @TempDir
    Path dir;

    private final LocalBackend backend = new LocalBackend(System.getenv(), Duration.ofSeconds(1));

    static Benchmark shJob(String name, int replicas, String script, Duration timeout) {
        JobSpec job = TestSpecs.job(JobKind.JOB, Map.of("Worker", replicas), List.of("sh", "-c", script));
        return TestSpecs.benchmark(name, job, timeout, null);
    }

    TrialOutcome run(Benchmark benchmark, ProgressListener progress) throws InterruptedException {
        Trial trial = TestSpecs.trial(0, benchmark);
        try (Timeline timeline = Timeline.open(dir, Clock.systemUTC())) {
            return backend.runTrial(trial, new TrialContext("20261128-120000-abc123", dir, timeline, progress, null, false));
        }
    }

    @Test
    void succeedsWhenEveryReplicaExitsZeroWithOneLogPerReplica() throws Exception {
        TrialOutcome outcome = run(shJob("ok", 2,
                "echo rank=$JOB_COMPLETION_INDEX files=$KUBEBENCH_FILES_DIR trial=$KUBEBENCH_TRIAL; echo err >&2",
                Duration.ofSeconds(30)), null);
        assertEquals(TrialState.SUCCEEDED, outcome.state(), outcome.reason());
        assertEquals("rank=1 files=" + dir.resolve("files").toAbsolutePath() + " trial=0\nerr\n",
                Files.readString(dir.resolve("logs/ok-abc123-0-1.log")), "stdout and stderr combined, per replica");
        String events = Files.readString(dir.resolve("events.jsonl"));
        for (String event : List.of("submitted", "pod_started", "first_log_line", "pod_exited", "finished")) {
            assertTrue(events.contains("\"event\":\"" + event + "\""), event + " in " + events);
        }
    }

    @Test
    void aFailingReplicaFailsTheTrialWithItsExitCodeAndLogTailAndStopsTheOthers() throws Exception {
        String script = "if [ \"$JOB_COMPLETION_INDEX\" = 1 ]; then sleep 0.5; "
                + "for i in 1 2 3 4 5 6 7; do echo line$i; done; exit 3; fi; "
                + "sleep 300 & echo $! > child-$JOB_COMPLETION_INDEX.pid; wait";
        long start = System.nanoTime();
        TrialOutcome outcome = run(shJob("bad", 2, script, Duration.ofSeconds(60)), null);
        assertEquals(TrialState.FAILED, outcome.state());
        assertEquals(FailureCause.EXIT_CODE, outcome.cause());
        assertEquals("replica bad-abc123-0-1 exited with code 3: line3 | line4 | line5 | line6 | line7", outcome.reason());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "did not wait for the sleeper");
        assertEquals(List.of(), Processes.stillRunning(Processes.startedBy(dir)));
    }

    @Test
    void timeoutKillsWholeTreesEvenWhenTheyIgnoreSigterm() throws Exception {
        String script = "if [ \"$JOB_COMPLETION_INDEX\" = 0 ]; then trap '' TERM; fi; "
                + "sleep 300 & echo $! > child-$JOB_COMPLETION_INDEX.pid; echo started; wait";
        TrialOutcome outcome = run(shJob("slow", 2, script, Duration.ofSeconds(2)), null);
        assertEquals(TrialState.TIMED_OUT, outcome.state());
        assertEquals(FailureCause.TIMEOUT, outcome.cause());
        assertTrue(outcome.reason().startsWith("trial exceeded its timeout of 2s"), outcome.reason());
        List<Long> pids = Processes.startedBy(dir);
        assertEquals(4, pids.size(), "two replicas and their children: " + pids);
        assertEquals(List.of(), Processes.stillRunning(pids));
    }

    @Test
    void interruptStopsEverythingAndThrows() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        ProgressListener progress = new ProgressListener() {
            @Override
            public void logLine(String replica, String line) {
                running.countDown();
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                run(shJob("int", 2, "sleep 300 & echo $! > child-$JOB_COMPLETION_INDEX.pid; echo up; wait",
                        Duration.ofMinutes(5)), progress);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        thread.start();
        assertTrue(running.await(30, TimeUnit.SECONDS), "replicas started");
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(thread.isAlive());
        assertInstanceOf(InterruptedException.class, thrown.get());
        assertEquals(List.of(), Processes.stillRunning(Processes.startedBy(dir)));
        assertTrue(Files.readString(dir.resolve("events.jsonl")).contains("\"detail\":\"interrupted"));
    }

    @Test
    void aBackgroundChildLeftByASuccessfulReplicaIsStoppedLikeAContainers() throws Exception {
        TrialOutcome outcome = run(shJob("orphan", 1, "sleep 300 & echo $! > child.pid; echo done",
                Duration.ofSeconds(30)), null);
        assertTrue(outcome.succeeded(), outcome.reason());
        List<Long> pids = Processes.startedBy(dir);
        assertEquals(2, pids.size(), pids.toString());
        assertEquals(List.of(), Processes.stillRunning(pids));
    }

    @Test
    void preflightRejectsWhatCannotRunHere() throws IOException {
        JobSpec noCommand = TestSpecs.job(JobKind.PYTORCH_JOB, Map.of("Master", 1), List.of());
        KubebenchException e = assertThrows(KubebenchException.class, () -> backend.preflight(
                TestSpecs.plan(List.of(TestSpecs.benchmark("b", noCommand, Duration.ofMinutes(1), null)))));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertEquals(List.of("trial 0: job.command is empty (the image's entrypoint cannot run on this host): "
                + "set local.command"), e.problems());

        JobSpec missing = TestSpecs.job(JobKind.JOB, Map.of("Worker", 1), List.of("no-such-program-kb"));
        e = assertThrows(KubebenchException.class, () -> backend.preflight(
                TestSpecs.plan(List.of(TestSpecs.benchmark("b", missing, Duration.ofMinutes(1), null)))));
        assertEquals(List.of("trial 0: command no-such-program-kb is not on PATH"), e.problems());

        LocalSpec local = new LocalSpec(List.of("sh", "-c", "true"), Map.of());
        backend.preflight(TestSpecs.plan(List.of(TestSpecs.benchmark("b", noCommand, Duration.ofMinutes(1), local))));
    }

    @Test
    void hostOperatorVariablesDoNotLeakIntoReplicas() throws Exception {
        LocalBackend leaky = new LocalBackend(Map.of("PATH", System.getenv("PATH"), "RANK", "5", "WORLD_SIZE", "9",
                "PET_NNODES", "9", "KEEP_ME", "yes"), Duration.ofSeconds(1));
        Benchmark benchmark = shJob("env", 1, "echo rank=${RANK-unset} world=${WORLD_SIZE-unset} "
                + "nnodes=${PET_NNODES-unset} keep=$KEEP_ME", Duration.ofSeconds(30));
        try (Timeline timeline = Timeline.open(dir, Clock.systemUTC())) {
            TrialOutcome outcome = leaky.runTrial(TestSpecs.trial(0, benchmark),
                    new TrialContext("20261128-120000-abc123", dir, timeline, null, null, false));
            assertTrue(outcome.succeeded(), outcome.reason());
        }
        assertEquals("rank=unset world=unset nnodes=unset keep=yes\n", Files.readString(dir.resolve("logs/env-abc123-0-0.log")));
    }
}
