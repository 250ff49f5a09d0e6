package dev.kubebench.runner;

import dev.kubebench.core.trial.TrialOutcome;
import java.util.Optional;

/**
 * The part of one trial that differs between backends: how its replicas start, are watched and are stopped.
 * {@link TrialLifecycle} owns everything else (the timeout, the {@code finished} event, the order of the steps and
 * the outcome of a timeout or an interrupt) and calls these methods in this order, each at most once:
 * {@link #start}; {@link #awaitEnd} when the replicas started; {@link #settle} when they ended on their own;
 * {@link #stop}, {@link #remove} and {@link #close} however the trial ended.
 */
public interface TrialReplicas extends AutoCloseable {

    /**
     * Starts the replicas (creates the job, or starts the processes) and records {@code submitted}.
     *
     * @return how the trial ended when the replicas could not start; empty when they run
     */
    Optional<TrialOutcome> start() throws InterruptedException;

    /**
     * Waits until the replicas have ended, or until {@code deadlineNanos} (a {@link System#nanoTime()} value).
     *
     * @return how the trial ended; empty when the deadline passed first
     */
    Optional<TrialOutcome> awaitEnd(long deadlineNanos) throws InterruptedException;

    /** What is still running, for the reason of a timeout: e.g. {@code 1/2 pods running}. */
    String stillRunning();

    /** The replicas ended on their own: waits briefly for the rest of their logs, as fits how they ended. */
    default void settle(TrialOutcome outcome) throws InterruptedException {
    }

    /**
     * Stops whatever still runs and closes the log streams, before the {@code finished} event is recorded.
     *
     * @param outcome how the trial ended; null when an unexpected error ended it
     */
    void stop(TrialOutcome outcome);

    /** Removes what {@link #start} created, after the {@code finished} event (unless the run keeps it). */
    default void remove() throws InterruptedException {
    }

    /** Releases what watching needed (informers, reserved ports); called last. */
    @Override
    void close();
}
