package dev.kubebench.runner;

/** Why a trial failed, as classified from pod and job status. */
public enum FailureClass {
    NONE(false),
    UNSCHEDULABLE(true),
    IMAGE_PULL(true),
    OOM_KILLED(false),
    CRASH_LOOP(false),
    EVICTED(true),
    DEADLINE_EXCEEDED(false),
    JOB_FAILED(false),
    /** A local replica process exited non-zero. */
    EXIT_CODE(false),
    API_ERROR(true),
    TIMEOUT(false),
    INTERRUPTED(false);

    private final boolean infrastructure;

    FailureClass(boolean infrastructure) {
        this.infrastructure = infrastructure;
    }

    /** True when the cause is the cluster rather than the workload (exit 4 rather than 5). */
    public boolean infrastructure() {
        return infrastructure;
    }
}
