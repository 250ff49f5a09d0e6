package dev.kubebench.core.trial;

import java.util.Locale;

/**
 * Why a trial failed, as the backend classified it from pod, job or process status. Written in lower case as the
 * {@code failure_class} label of result.json.
 */
public enum FailureCause {
    NONE(false),
    UNSCHEDULABLE(true),
    IMAGE_PULL(true),
    OOM_KILLED(false),
    CRASH_LOOP(false),
    EVICTED(true),
    /** A replica's node was lost (PodGC deleted its pod) and the job failed for it. */
    NODE_LOST(true),
    DEADLINE_EXCEEDED(false),
    JOB_FAILED(false),
    /** A local replica process exited non-zero. */
    EXIT_CODE(false),
    API_ERROR(true),
    TIMEOUT(false),
    INTERRUPTED(false);

    private final boolean infrastructure;

    FailureCause(boolean infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** True when the cause is the cluster rather than the workload (exit 4 rather than 5). */
    public boolean infrastructure() {
        return infrastructure;
    }

    /** The spelling in result.json's {@code failure_class} label: {@code oom_killed}, ... */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
