package dev.kubebench.core.error;

/**
 * What kind of failure ended a command, with its documented exit code (README, "Exit codes"). This is the one table of
 * exit codes; the CLI turns a {@link KubebenchException}'s failure into the process exit status through it.
 */
public enum Failure {
    /** Bad command line, spec or input file: exit 2. */
    INVALID_INPUT(2),
    /** A regression or threshold gate failed: exit 3. */
    GATE_FAILED(3),
    /** Cluster or infrastructure: unreachable, forbidden, unschedulable, disk: exit 4. */
    INFRASTRUCTURE(4),
    /** The workload itself failed: exit 5. */
    WORKLOAD_FAILED(5),
    /** A trial ran past its timeout: exit 6. */
    TIMED_OUT(6),
    /** Interrupted by Ctrl-C or SIGTERM, after cleanup: exit 130. */
    INTERRUPTED(130);

    /** Exit status of a command that succeeded. */
    public static final int OK = 0;
    /** Exit status of an unexpected error (a bug). */
    public static final int INTERNAL_ERROR = 1;

    private final int exitCode;

    Failure(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit status for this failure. */
    public int exitCode() {
        return exitCode;
    }
}
