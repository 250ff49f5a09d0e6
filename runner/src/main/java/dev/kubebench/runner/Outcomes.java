package dev.kubebench.runner;

import dev.kubebench.core.error.KubebenchException;
import dev.kubebench.core.trial.FailureCause;
import dev.kubebench.core.trial.TrialOutcome;
import dev.kubebench.core.trial.TrialState;
import java.time.Instant;

/** The ways a trial ends, spelled once for both backends and the executor. */
public final class Outcomes {
    /** The reason of a trial stopped by a cancel (Ctrl-C, SIGTERM, or another trial's unexpected error). */
    public static final String INTERRUPTED = "interrupted";

    private Outcomes() {
    }

    public static TrialOutcome succeeded(Instant startedAt, Instant at) {
        return new TrialOutcome(TrialState.SUCCEEDED, FailureCause.NONE, null, startedAt, at);
    }

    /** A failure of {@code cause}: infrastructure causes end as INFRASTRUCTURE (exit 4), the others as FAILED (5). */
    public static TrialOutcome failed(FailureCause cause, String reason, Instant startedAt, Instant at) {
        TrialState state = cause.infrastructure() ? TrialState.INFRASTRUCTURE : TrialState.FAILED;
        return new TrialOutcome(state, cause, reason, startedAt, at);
    }

    public static TrialOutcome timedOut(String reason, Instant startedAt, Instant at) {
        return new TrialOutcome(TrialState.TIMED_OUT, FailureCause.TIMEOUT, reason, startedAt, at);
    }

    public static TrialOutcome interrupted(String reason, Instant startedAt, Instant at) {
        return new TrialOutcome(TrialState.INTERRUPTED, FailureCause.INTERRUPTED, reason, startedAt, at);
    }

    /**
     * How a trial that ended unsuccessfully during a cancel counts: interrupted, with what it ended of in brackets
     * ({@code interrupted (exit code 130)}); an outcome that already is interrupted stays as it is, so the word is
     * said once.
     */
    public static TrialOutcome duringCancel(TrialOutcome ended) {
        if (ended.state() == TrialState.INTERRUPTED) {
            return ended;
        }
        return interrupted(INTERRUPTED + " (" + ended.reason() + ")", ended.startedAt(), ended.finishedAt());
    }

    /** A trial that a backend gave up on with an exception instead of an outcome. */
    public static TrialOutcome of(KubebenchException e, Instant startedAt, Instant at) {
        String reason = String.join("; ", e.problems());
        return switch (e.failure()) {
            case TIMED_OUT -> timedOut(reason, startedAt, at);
            case INTERRUPTED -> interrupted(reason, startedAt, at);
            case WORKLOAD_FAILED -> new TrialOutcome(TrialState.FAILED, FailureCause.JOB_FAILED, reason, startedAt, at);
            default -> new TrialOutcome(TrialState.INFRASTRUCTURE, FailureCause.API_ERROR, reason, startedAt, at);
        };
    }

    /** The {@code finished} event's detail: the state, then the reason. */
    static String finishedDetail(TrialOutcome outcome) {
        return outcome.state().jsonName() + (outcome.reason() == null ? "" : ": " + outcome.reason());
    }
}
