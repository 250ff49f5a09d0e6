package dev.kubebench.runner;

import dev.kubebench.core.trial.TrialState;
import dev.kubebench.core.trial.FailureCause;

import dev.kubebench.core.trial.TrialOutcome;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The trial loop shared by every {@link Backend}: runs a plan's trials in plan order, by default one at a time, hands
 * each outcome to a {@link TrialCompletion} and continues after failed, timed-out or infrastructure-failed trials.
 *
 * <p>With a parallelism of N &gt; 1, N worker threads take the trials in plan order, so up to N trials run at once;
 * the completion callback is still called once per trial and never concurrently (in completion order, so callers
 * need no locking), and {@link #run} returns the outcomes in plan order. The backend must allow concurrent
 * {@link Backend#runTrial} calls.
 *
 * <p>Cancellation ({@link #cancel()}, or SIGTERM/Ctrl-C through {@link #installShutdownHook}) interrupts each
 * thread only while it is inside {@link Backend#runTrial}; the backend then stops what it started and throws, every
 * running trial completes as {@code INTERRUPTED}, and no further trial starts. The completion callback itself is never
 * interrupted, so results being written are not cut off. Not reusable: one executor runs one plan.
 */
public final class RunExecutor {
    private final Backend backend;
    private final String runId;
    private final Function<Trial, Path> trialDirs;
    private final Function<Trial, ProgressListener> progress;
    private final TrialCompletion completion;
    private final Clock clock;
    private final boolean keep;
    private final int parallelism;

    private final Object lock = new Object();
    /** Serializes the completion callback across worker threads. */
    private final Object completionLock = new Object();
    private Thread runner;
    /** Threads currently inside {@link Backend#runTrial}: the only ones a cancel interrupts. */
    private final Set<Thread> inTrial = new HashSet<>();
    private boolean cancelled;
    /** No further trial starts: set by a cancel, or when a worker failed unexpectedly. */
    private boolean stopping;
    private int nextTrial;
    private boolean finished;
    private Thread hook;

    /**
     * @param backend    where trials run
     * @param runId      the run id
     * @param trialDirs  the directory of each trial ({@code <run>/trials/<n>}); created when missing
     * @param progress   a progress listener per trial (e.g. the live status line); null for none
     * @param completion called after each trial
     * @param clock      clock for timelines and outcomes
     * @param keep       passed to the backend: keep created objects after each trial
     */
    public RunExecutor(Backend backend, String runId, Function<Trial, Path> trialDirs,
                       Function<Trial, ProgressListener> progress, TrialCompletion completion, Clock clock,
                       boolean keep) {
        this(backend, runId, trialDirs, progress, completion, clock, keep, 1);
    }

    /**
     * As {@link #RunExecutor(Backend, String, Function, Function, TrialCompletion, Clock, boolean)}, running up to
     * {@code parallelism} trials at once; {@code trialDirs} and {@code progress} are then called from worker threads.
     *
     * @param parallelism how many trials may run at once, at least 1
     */
    public RunExecutor(Backend backend, String runId, Function<Trial, Path> trialDirs,
                       Function<Trial, ProgressListener> progress, TrialCompletion completion, Clock clock,
                       boolean keep, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.backend = Objects.requireNonNull(backend, "backend");
        this.runId = Objects.requireNonNull(runId, "runId");
        this.trialDirs = Objects.requireNonNull(trialDirs, "trialDirs");
        this.progress = progress == null ? trial -> ProgressListener.NONE : progress;
        this.completion = completion == null ? TrialCompletion.NONE : completion;
        this.clock = clock == null ? Clock.systemUTC() : clock;
        this.keep = keep;
    }

    /**
     * Runs every trial of the plan and returns their outcomes in plan order. After a cancellation the list holds the
     * outcomes of the trials that started (the interrupted ones as {@code INTERRUPTED}), still in plan order; trials
     * that never started are missing. An unexpected error of one trial (its directory cannot be created, the
     * completion callback throws) stops the run: the other running trials are interrupted, and the error is thrown
     * once they have completed.
     */
    public List<TrialOutcome> run(BenchmarkPlan plan) {
        synchronized (lock) {
            if (runner != null) {
                throw new IllegalStateException("a RunExecutor runs one plan");
            }
            runner = Thread.currentThread();
        }
        List<Trial> trials = plan.trials();
        TrialOutcome[] outcomes = new TrialOutcome[trials.size()];
        try {
            if (parallelism == 1) {
                work(trials, outcomes);
            } else {
                runWorkers(trials, outcomes);
            }
        } finally {
            synchronized (lock) {
                finished = true;
                lock.notifyAll();
            }
            removeShutdownHook();
        }
        List<TrialOutcome> out = new ArrayList<>();
        for (TrialOutcome outcome : outcomes) {
            if (outcome != null) {
                out.add(outcome);
            }
        }
        return List.copyOf(out);
    }

    /** Takes trials in plan order until none is left or the run stops. */
    private void work(List<Trial> trials, TrialOutcome[] outcomes) {
        while (true) {
            int position;
            synchronized (lock) {
                if (stopping || nextTrial >= trials.size()) {
                    return;
                }
                position = nextTrial++;
            }
            outcomes[position] = runOne(trials.get(position));
        }
    }

    private void runWorkers(List<Trial> trials, TrialOutcome[] outcomes) {
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < Math.min(parallelism, trials.size()); i++) {
            Thread worker = new Thread(() -> {
                try {
                    work(trials, outcomes);
                } catch (RuntimeException | Error e) {
                    if (error.compareAndSet(null, e)) {
                        stop();
                    } else {
                        error.get().addSuppressed(e);
                    }
                }
            }, "kubebench-trial-" + (i + 1));
            workers.add(worker);
            worker.start();
        }
        boolean interrupted = false;
        for (Thread worker : workers) {
            while (true) {
                try {
                    worker.join();
                    break;
                } catch (InterruptedException e) {
                    // Whoever interrupts the caller wants the run to end; the workers still clean up first.
                    interrupted = true;
                    cancel();
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable e = error.get();
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e != null) {
            throw (Error) e;
        }
    }

    private TrialOutcome runOne(Trial trial) {
        Path dir = trialDirs.apply(trial);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Instant startedAt = clock.instant();
        TrialOutcome outcome;
        try (Timeline timeline = Timeline.open(dir, clock)) {
            TrialContext context = new TrialContext(runId, dir, timeline, progress.apply(trial), clock, keep);
            outcome = runInterruptibly(trial, context, startedAt);
        }
        synchronized (completionLock) {
            completion.completed(trial, outcome, dir);
        }
        return outcome;
    }

    private TrialOutcome runInterruptibly(Trial trial, TrialContext context, Instant startedAt) {
        synchronized (lock) {
            if (stopping) {
                return interrupted(startedAt);
            }
            inTrial.add(Thread.currentThread());
        }
        TrialOutcome outcome;
        try {
            outcome = backend.runTrial(trial, context);
        } catch (InterruptedException e) {
            outcome = interrupted(startedAt);
        } catch (KubebenchException e) {
            outcome = fromException(e, startedAt);
        } finally {
            synchronized (lock) {
                inTrial.remove(Thread.currentThread());
                // A cancel that raced with the trial's end must not leak into the completion callback.
                Thread.interrupted();
            }
        }
        if (cancelled() && outcome.state() != TrialState.SUCCEEDED) {
            // Replicas that died of the same Ctrl-C before kubebench stopped them were interrupted, not failures.
            outcome = new TrialOutcome(TrialState.INTERRUPTED, FailureCause.INTERRUPTED,
                    "interrupted (" + outcome.reason() + ")", outcome.startedAt(), outcome.finishedAt());
        }
        return outcome;
    }

    private TrialOutcome interrupted(Instant startedAt) {
        return new TrialOutcome(TrialState.INTERRUPTED, FailureCause.INTERRUPTED, "interrupted", startedAt,
                clock.instant());
    }

    private TrialOutcome fromException(KubebenchException e, Instant startedAt) {
        TrialState state;
        FailureCause cause;
        switch (e.failure()) {
            case TIMED_OUT:
                state = TrialState.TIMED_OUT;
                cause = FailureCause.TIMEOUT;
                break;
            case INTERRUPTED:
                state = TrialState.INTERRUPTED;
                cause = FailureCause.INTERRUPTED;
                break;
            case WORKLOAD_FAILED:
                state = TrialState.FAILED;
                cause = FailureCause.JOB_FAILED;
                break;
            default:
                state = TrialState.INFRASTRUCTURE;
                cause = FailureCause.API_ERROR;
                break;
        }
        return new TrialOutcome(state, cause, String.join("; ", e.problems()), startedAt, clock.instant());
    }

    /** True once {@link #cancel()} was called. */
    public boolean cancelled() {
        synchronized (lock) {
            return cancelled;
        }
    }

    /** Cancels the run: stops every running trial and starts no further trial. Thread-safe, idempotent. */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            stop();
        }
    }

    /** Starts no further trial and interrupts the running ones. */
    private void stop() {
        synchronized (lock) {
            stopping = true;
            for (Thread thread : inTrial) {
                thread.interrupt();
            }
        }
    }

    /**
     * Waits until {@link #run} has returned (at most {@code limit}); returns whether it has. Returns at once when
     * no run has started.
     */
    public boolean awaitStopped(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            while (runner != null && !finished) {
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return false;
                }
                try {
                    lock.wait(remainingMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Registers a JVM shutdown hook (SIGTERM, SIGINT/Ctrl-C, System.exit) that cancels the run and keeps the JVM
     * alive until the run has stopped its processes and completed the running trials, at most {@code maxWait}. The
     * hook is removed when {@link #run} returns. Code running after an interrupted {@code run} must not call
     * {@code System.exit} while the hook waits (the JVM is already exiting; it exits when the hook returns).
     */
    public void installShutdownHook(Duration maxWait) {
        Thread thread = new Thread(() -> {
            cancel();
            awaitStopped(maxWait);
        }, "kubebench-cancel");
        synchronized (lock) {
            if (hook != null) {
                throw new IllegalStateException("shutdown hook already installed");
            }
            hook = thread;
        }
        Runtime.getRuntime().addShutdownHook(thread);
    }

    private void removeShutdownHook() {
        Thread thread;
        synchronized (lock) {
            thread = hook;
            hook = null;
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(thread);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting because of this very signal; the hook is running and will see us finished.
            }
        }
    }
}
