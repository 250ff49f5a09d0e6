package dev.kubebench.runner.kubernetes;

import dev.kubebench.core.trial.TrialState;

import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.core.trial.TrialOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * How the watch saw a trial end.
 *
 * @param state        end state
 * @param cause class, {@link FailureCause#NONE} on success
 * @param reason       one line, null on success
 * @param at           when (the terminal condition's transition time where known)
 */
record Ending(TrialState state, FailureCause cause, String reason, Instant at) {
    Ending {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
    }

    static Ending succeeded(Instant at) {
        return new Ending(TrialState.SUCCEEDED, FailureCause.NONE, null, at);
    }

    /** Infrastructure classes end as INFRASTRUCTURE (exit 4), the others as FAILED (exit 5). */
    static Ending failed(Verdict verdict, Instant at) {
        TrialState state = verdict.cause().infrastructure() ? TrialState.INFRASTRUCTURE
                : TrialState.FAILED;
        return new Ending(state, verdict.cause(), verdict.reason(), at);
    }

    TrialOutcome outcome(Instant startedAt) {
        return new TrialOutcome(state, cause, reason, startedAt, at);
    }
}
