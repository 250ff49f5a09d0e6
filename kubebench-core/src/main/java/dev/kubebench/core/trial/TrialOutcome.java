package dev.kubebench.core.trial;

import java.time.Instant;
import java.util.Objects;

/**
 * How a trial's job ended, as the backend saw it; the collector combines it with what the logs say.
 *
 * @param state      the end state
 * @param cause      why it failed; {@link FailureCause#NONE} on success
 * @param reason     a one-line human reason (the scheduler's message, the exit code and log tail...); null on success
 * @param startedAt  when the job was submitted / processes started; null when it never started
 * @param finishedAt when it ended; null when unknown
 */
public record TrialOutcome(TrialState state, FailureCause cause, String reason, Instant startedAt,
                           Instant finishedAt) {

    public TrialOutcome {
        Objects.requireNonNull(state, "state");
        cause = cause == null ? FailureCause.NONE : cause;
        if (state != TrialState.SUCCEEDED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + state.jsonName() + " outcome needs a reason");
        }
    }

    public boolean succeeded() {
        return state == TrialState.SUCCEEDED;
    }
}
