package dev.kubebench.collector;

import dev.kubebench.collector.result.TrialStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How a trial's job ended, in plain values (the runner's types are not visible to the collector; the CLI maps
 * {@code TrialOutcome} onto this).
 *
 * @param state         end state: {@code succeeded}, {@code failed}, {@code timed_out}, {@code interrupted} or
 *                      {@code infrastructure} (case-insensitive; the runner's {@code TrialOutcome.State} names)
 * @param failureClass  the runner's failure class name ({@code OOM_KILLED}...), or null
 * @param reason        one-line reason; required unless the state is succeeded
 * @param startedAt     submission / process start, or null when it never started
 * @param finishedAt    when it ended, or null
 */
public record JobEnd(String state, String failureClass, String reason, Instant startedAt, Instant finishedAt) {
    public JobEnd {
        Objects.requireNonNull(state, "state");
        status(state);
        if (!succeeded(state) && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a " + state + " job end needs a reason");
        }
    }

    /** The job's own status, before the logs are judged. */
    public TrialStatus status() {
        return status(state);
    }

    public boolean succeeded() {
        return succeeded(state);
    }

    private static boolean succeeded(String state) {
        return status(state) == TrialStatus.SUCCEEDED;
    }

    private static TrialStatus status(String state) {
        try {
            return TrialStatus.valueOf(state.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown job end state '" + state
                    + "' (succeeded, failed, timed_out, interrupted, infrastructure)", e);
        }
    }
}
