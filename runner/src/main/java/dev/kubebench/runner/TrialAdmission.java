package dev.kubebench.runner;

import dev.kubebench.catalog.plan.Trial;

/**
 * Decides, just before a trial would start, whether it still runs; {@link RunExecutor} skips a trial that is not
 * admitted (it has no outcome, like a trial that never started). Implementations must be thread-safe.
 */
public interface TrialAdmission {
    /** Admits every trial. */
    TrialAdmission ALL = trial -> true;

    /** Whether {@code trial} runs; may block until earlier trials completed. */
    boolean admit(Trial trial) throws InterruptedException;

    /** {@code trial} ran (its completion callback returned), was skipped or never started. */
    default void completed(Trial trial) {
    }

    /** The run is stopping: a blocked {@link #admit} returns false at once. */
    default void release() {
    }
}
