package dev.kubebench.runner.kubernetes;

import dev.kubebench.runner.FailureClass;
import dev.kubebench.runner.TrialOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * How the watch saw a trial end.
 *
 * @param state        end state
 * @param failureClass class, {@link FailureClass#NONE} on success
 * @param reason       one line, null on success
 * @param at           when (the terminal condition's transition time where known)
 */
record Ending(TrialOutcome.State state, FailureClass failureClass, String reason, Instant at) {
    Ending {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(failureClass, "failureClass");
        Objects.requireNonNull(at, "at");
    }

    static Ending succeeded(Instant at) {
        return new Ending(TrialOutcome.State.SUCCEEDED, FailureClass.NONE, null, at);
    }

    /** Infrastructure classes end as INFRASTRUCTURE (exit 4), the others as FAILED (exit 5). */
    static Ending failed(Verdict verdict, Instant at) {
        TrialOutcome.State state = verdict.failureClass().infrastructure() ? TrialOutcome.State.INFRASTRUCTURE
                : TrialOutcome.State.FAILED;
        return new Ending(state, verdict.failureClass(), verdict.reason(), at);
    }

    TrialOutcome outcome(Instant startedAt) {
        return new TrialOutcome(state, failureClass, reason, startedAt, at);
    }
}
