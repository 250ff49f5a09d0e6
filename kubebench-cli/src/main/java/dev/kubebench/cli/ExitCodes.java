package dev.kubebench.cli;

import dev.kubebench.catalog.error.Failure;

/** The exit-code table (README, {@code --help}). The only place codes are defined. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int USAGE = 2;
    public static final int GATE_FAILED = 3;
    public static final int INFRASTRUCTURE = 4;
    public static final int WORKLOAD_FAILED = 5;
    public static final int TIMED_OUT = 6;
    public static final int INTERRUPTED = 130;

    /** The table as shown at the end of {@code --help}. */
    public static final String TABLE = "Exit codes:%n"
            + "  0    ok%n"
            + "  1    internal error%n"
            + "  2    usage error or invalid spec%n"
            + "  3    gate failed (regression or threshold)%n"
            + "  4    cluster or infrastructure (unreachable, forbidden, unschedulable)%n"
            + "  5    workload failed%n"
            + "  6    timed out%n"
            + "  130  interrupted (after cleanup)";

    private ExitCodes() {
    }

    public static int of(Failure failure) {
        switch (failure) {
            case INVALID_INPUT:
                return USAGE;
            case GATE_FAILED:
                return GATE_FAILED;
            case INFRASTRUCTURE:
                return INFRASTRUCTURE;
            case WORKLOAD_FAILED:
                return WORKLOAD_FAILED;
            case TIMED_OUT:
                return TIMED_OUT;
            case INTERRUPTED:
                return INTERRUPTED;
            default:
                return INTERNAL_ERROR;
        }
    }
}
