package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.runner.Outcomes;
import java.time.Instant;
import java.util.Objects;

/**
 * A classified failure: the cause and a one-line reason quoting the scheduler's, kubelet's or operator's message.
 *
 * @param cause  the cause
 * @param reason one line, never blank
 */
record Classification(FailureCause cause, String reason) {
    Classification {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        reason = reason.replaceAll("\\s+", " ").trim();
    }

    /** The trial's outcome when this failure ended it at {@code at}. */
    TrialOutcome outcome(Instant startedAt, Instant at) {
        return Outcomes.failed(cause, reason, startedAt, at);
    }
}
