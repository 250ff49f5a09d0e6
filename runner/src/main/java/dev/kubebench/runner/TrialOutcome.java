package dev.kubebench.runner;

import java.time.Instant;
import java.util.Objects;

/**
 * How a trial's job ended, as the backend saw it. The collector combines it with what the logs say.
 *
 * @param state        the end state
 * @param failureClass why it failed; {@link FailureClass#NONE} on success
 * @param reason       a one-line human reason (the scheduler's message, the exit code and log tail...); null on success
 * @param startedAt    when the job was submitted / processes started
 * @param finishedAt   when it ended
 */
public record TrialOutcome(State state, FailureClass failureClass, String reason, Instant startedAt,
                           Instant finishedAt) {

    /** End states of a trial's job. */
    public enum State {
        SUCCEEDED,
        FAILED,
        TIMED_OUT,
        INTERRUPTED,
        /** The cluster prevented it from running: unschedulable, API errors, forbidden. */
        INFRASTRUCTURE
    }

    public TrialOutcome {
        Objects.requireNonNull(state, "state");
        failureClass = failureClass == null ? FailureClass.NONE : failureClass;
        if (state != State.SUCCEEDED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + state + " outcome needs a reason");
        }
    }

    public boolean succeeded() {
        return state == State.SUCCEEDED;
    }
}
