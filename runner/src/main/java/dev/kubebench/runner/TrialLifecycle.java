package dev.kubebench.runner;

import dev.kubebench.core.time.Durations;
import dev.kubebench.core.timeline.EventKind;
import dev.kubebench.core.trial.TrialOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * One trial from start to cleanup, the same for every backend: start the replicas, wait for their end up to the
 * spec's timeout, stop them, record {@code finished} (at the moment the trial ended, with its state and reason), then
 * remove what was created. A backend supplies only the {@link TrialReplicas}; how a timeout or an interrupt ends the
 * trial is decided here.
 */
public final class TrialLifecycle {
    private TrialLifecycle() {
    }

    /**
     * Runs one trial to its end.
     *
     * @param context  the trial's directory, timeline and clock
     * @param timeout  the spec's timeout, counted from the start
     * @param replicas opens the backend's replicas of the trial, given the time the trial started
     * @throws InterruptedException when the run is cancelled, after the replicas were stopped and removed
     */
    public static TrialOutcome run(TrialContext context, Duration timeout,
                                   Function<Instant, TrialReplicas> replicas) throws InterruptedException {
        Instant startedAt = context.clock().instant();
        long deadline = System.nanoTime() + timeout.toNanos();
        TrialOutcome outcome = null;
        InterruptedException interrupted = null;
        try (TrialReplicas trial = replicas.apply(startedAt)) {
            try {
                outcome = trial.start().orElse(null);
                if (outcome == null) {
                    outcome = trial.awaitEnd(deadline).orElse(null);
                    if (outcome == null) {
                        outcome = Outcomes.timedOut("trial exceeded its timeout of " + Durations.format(timeout)
                                + " (" + trial.stillRunning() + ")", startedAt, context.clock().instant());
                    } else {
                        trial.settle(outcome);
                    }
                }
            } catch (InterruptedException e) {
                interrupted = e;
                outcome = Outcomes.interrupted(Outcomes.INTERRUPTED, startedAt, context.clock().instant());
            } finally {
                try {
                    trial.stop(outcome);
                    if (outcome != null) {
                        context.timeline().record(outcome.finishedAt(), EventKind.FINISHED, null,
                                Outcomes.finishedDetail(outcome));
                    }
                } finally {
                    trial.remove();
                }
            }
        }
        if (interrupted != null) {
            throw interrupted;
        }
        return outcome;
    }
}
