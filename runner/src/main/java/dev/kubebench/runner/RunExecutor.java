package dev.kubebench.runner;

import dev.kubebench.catalog.plan.BenchmarkPlan;
import dev.kubebench.catalog.plan.Trial;
import dev.kubebench.core.secret.Redactor;
import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.TrialState;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The trial loop shared by every {@link Backend}: runs a plan's trials in plan order, by default one at a time, hands
 * each outcome to a {@link TrialCompletion} and continues after failed, timed-out or infrastructure-failed trials.
 *
 * <p>The trials run on a fixed pool of N worker threads (an {@link ExecutorService}; N is the parallelism, 1 by
 * default) that takes them in plan order, so up to N trials run at once; the completion callback is still called once
 * per trial and never concurrently (in completion order, so callers need no locking), and {@link #run} returns the
 * outcomes in plan order. With N &gt; 1 the backend must allow concurrent {@link Backend#runTrial} calls.
 *
 * <p>Cancellation ({@link #cancel()}; the CLI calls it on Ctrl-C or SIGTERM) interrupts each worker only while it is
 * inside {@link Backend#runTrial}; the backend then stops what it started and throws, every running trial completes
 * as {@code INTERRUPTED}, and no further trial starts. The completion callback itself is never interrupted, so
 * results being written are not cut off. Not reusable: one executor runs one plan.
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
    private volatile TrialAdmission admission = TrialAdmission.ALL;
    private volatile Redactor redactor = Redactor.NONE;

    private final Object lock = new Object();
    /** Serializes the completion callback across worker threads. */
    private final Object completionLock = new Object();
    /** Threads currently inside {@link Backend#runTrial}: the only ones a cancel interrupts. */
    private final Set<Thread> inTrial = new HashSet<>();
    private boolean started;
    private boolean cancelled;
    /** No further trial starts: set by a cancel, or when a trial failed unexpectedly. */
    private boolean stopping;
    private boolean finished;

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
     * {@code parallelism} trials at once; {@code trialDirs} and {@code progress} are called from worker threads.
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

    /** Asks {@code admission} before each trial starts whether it still runs; call before {@link #run}. */
    public RunExecutor admitting(TrialAdmission admission) {
        this.admission = Objects.requireNonNull(admission, "admission");
        return this;
    }

    /** Masks the run's secrets in every timeline detail (a failure reason may quote a workload's message). */
    public RunExecutor redacting(Redactor redactor) {
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        return this;
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
            if (started) {
                throw new IllegalStateException("a RunExecutor runs one plan");
            }
            started = true;
        }
        List<Trial> trials = plan.trials();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, trials.size())),
                workerThreads());
        try {
            List<Future<TrialOutcome>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                futures.add(workers.submit(() -> runUnlessStopping(trial)));
            }
            return outcomes(futures);
        } finally {
            workers.shutdown();
            synchronized (lock) {
                finished = true;
                lock.notifyAll();
            }
        }
    }

    private static ThreadFactory workerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, "kubebench-trial-" + count.incrementAndGet());
    }

    /**
     * Waits for every trial, in plan order; the outcomes of trials that started. Rethrows the first unexpected error
     * once every trial has ended.
     */
    private List<TrialOutcome> outcomes(List<Future<TrialOutcome>> futures) {
        List<TrialOutcome> out = new ArrayList<>();
        Throwable error = null;
        boolean interrupted = false;
        for (Future<TrialOutcome> future : futures) {
            while (true) {
                try {
                    TrialOutcome outcome = future.get();
                    if (outcome != null) {
                        out.add(outcome);
                    }
                    break;
                } catch (InterruptedException e) {
                    // Whoever interrupts the caller wants the run to end; the trials still clean up first.
                    interrupted = true;
                    cancel();
                } catch (ExecutionException e) {
                    if (error == null) {
                        error = e.getCause();
                    } else {
                        error.addSuppressed(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (error instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (error instanceof Error fatal) {
            throw fatal;
        }
        return List.copyOf(out);
    }

    /** Runs a trial on a worker unless the run is stopping or the admission skips it (then null: never started). */
    private TrialOutcome runUnlessStopping(Trial trial) {
        try {
            synchronized (lock) {
                if (stopping) {
                    return null;
                }
            }
            return admission.admit(trial) ? runOne(trial) : null;
        } catch (InterruptedException e) {
            return null;
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        } finally {
            admission.completed(trial);
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
        try (Timeline timeline = Timeline.open(dir, clock, redactor)) {
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
                return Outcomes.interrupted(Outcomes.INTERRUPTED, startedAt, clock.instant());
            }
            inTrial.add(Thread.currentThread());
        }
        TrialOutcome outcome;
        try {
            outcome = backend.runTrial(trial, context);
        } catch (InterruptedException e) {
            outcome = Outcomes.interrupted(Outcomes.INTERRUPTED, startedAt, clock.instant());
        } catch (KubebenchException e) {
            outcome = Outcomes.of(e, startedAt, clock.instant());
        } finally {
            synchronized (lock) {
                inTrial.remove(Thread.currentThread());
                // A cancel that raced with the trial's end must not leak into the completion callback.
                Thread.interrupted();
            }
        }
        if (cancelled() && outcome.state() != TrialState.SUCCEEDED) {
            // Replicas that died of the same Ctrl-C before kubebench stopped them were interrupted, not failures.
            outcome = Outcomes.duringCancel(outcome);
        }
        return outcome;
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
        admission.release();
    }

    /** Waits until {@link #run} has returned (at most {@code limit}); whether it has. At once if no run started. */
    public boolean awaitStopped(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            while (started && !finished) {
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
}
