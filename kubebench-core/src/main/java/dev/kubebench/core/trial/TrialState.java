package dev.kubebench.core.trial;

import dev.kubebench.core.error.Failure;
import java.util.Locale;

/**
 * How a trial ended: one word from the backend that ran it to result.json and the exit code. Written in lower case
 * ({@link #jsonName()}) into result.json, summary.json and the reports.
 */
public enum TrialState {
    /** The job succeeded and, for a time-to-train trial, reached its quality target. */
    SUCCEEDED(null),
    /** The job failed, or a time-to-train trial did not reach its target. */
    FAILED(Failure.WORKLOAD_FAILED),
    /** The trial ran past its timeout. */
    TIMED_OUT(Failure.TIMED_OUT),
    /** The user interrupted the run (Ctrl-C / SIGTERM). */
    INTERRUPTED(Failure.INTERRUPTED),
    /** The infrastructure prevented the trial from running (unschedulable, API errors, forbidden). */
    INFRASTRUCTURE(Failure.INFRASTRUCTURE);

    private final Failure failure;

    TrialState(Failure failure) {
        this.failure = failure;
    }

    /** The spelling in result.json: {@code succeeded}, {@code failed}, {@code timed_out}, ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state spelled as {@link #jsonName()} (case-insensitive). */
    public static TrialState fromJson(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown trial state '" + name
                    + "' (succeeded, failed, timed_out, interrupted, infrastructure)", e);
        }
    }

    /** The failure kind (and so the exit code) a trial ending in this state stands for; null for SUCCEEDED. */
    public Failure failure() {
        return failure;
    }

    /**
     * How much this state weighs in a run's exit code: the run exits with its worst trial's code, in the order
     * interrupted, infrastructure, timed out, failed (README, "Exit codes").
     */
    public int severity() {
        return switch (this) {
            case SUCCEEDED -> 0;
            case FAILED -> 1;
            case TIMED_OUT -> 2;
            case INFRASTRUCTURE -> 3;
            case INTERRUPTED -> 4;
        };
    }
}
