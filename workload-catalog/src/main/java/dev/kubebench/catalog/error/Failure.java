package dev.kubebench.catalog.error;

/**
 * What kind of failure ended a command. The CLI maps each to its documented exit code (README, exit codes); lower
 * modules only say which kind it is.
 */
public enum Failure {
    /** Bad command line, spec or input file: exit 2. */
    INVALID_INPUT,
    /** A regression or threshold gate failed: exit 3. */
    GATE_FAILED,
    /** Cluster or infrastructure: unreachable, forbidden, unschedulable: exit 4. */
    INFRASTRUCTURE,
    /** The workload itself failed: exit 5. */
    WORKLOAD_FAILED,
    /** A trial ran past its timeout: exit 6. */
    TIMED_OUT,
    /** Interrupted by Ctrl-C or SIGTERM, after cleanup: exit 130. */
    INTERRUPTED
}
