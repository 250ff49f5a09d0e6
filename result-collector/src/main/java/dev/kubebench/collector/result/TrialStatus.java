package dev.kubebench.collector.result;

import java.util.Locale;

/** How a trial ended. Written in lower case into result.json. */
public enum TrialStatus {
    /** The job succeeded and, for a time-to-train trial, reached its quality target. */
    SUCCEEDED,
    /** The job failed, or a time-to-train trial did not reach its target. */
    FAILED,
    /** The trial ran past its timeout. */
    TIMED_OUT,
    /** The user interrupted the run (Ctrl-C / SIGTERM). */
    INTERRUPTED,
    /** The infrastructure prevented the trial from running (unschedulable, API errors). */
    INFRASTRUCTURE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
