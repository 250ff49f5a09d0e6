package dev.kubebench.cli;

import dev.kubebench.core.error.Failure;

/** The exit-code table (README, {@code --help}); the codes themselves are {@link Failure#exitCode()}. */
public final class ExitCodes {
    public static final int OK = Failure.OK;
    public static final int INTERNAL_ERROR = Failure.INTERNAL_ERROR;
    public static final int USAGE = Failure.INVALID_INPUT.exitCode();
    public static final int GATE_FAILED = Failure.GATE_FAILED.exitCode();
    public static final int INFRASTRUCTURE = Failure.INFRASTRUCTURE.exitCode();
    public static final int WORKLOAD_FAILED = Failure.WORKLOAD_FAILED.exitCode();
    public static final int TIMED_OUT = Failure.TIMED_OUT.exitCode();
    public static final int INTERRUPTED = Failure.INTERRUPTED.exitCode();

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
        return failure == null ? INTERNAL_ERROR : failure.exitCode();
    }
}
