package dev.kubebench.collector.mllog;

import java.util.Locale;

/** How an MLLOG run ended, from its first {@code run_stop}. */
public enum RunOutcome {
    /** {@code run_stop} with {@code metadata.status == "success"}. */
    SUCCESS,
    /** {@code run_stop} with any other status (usually {@code aborted}) or none. */
    ABORTED,
    /** No {@code run_stop}: the process was killed or the log was cut. */
    KILLED;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
