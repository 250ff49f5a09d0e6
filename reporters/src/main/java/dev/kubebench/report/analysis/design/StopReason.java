package dev.kubebench.report.analysis.design;

/** Why a sweep point ran the number of trials it did. */
public enum StopReason {
    /** A fixed number of repetitions. */
    FIXED("fixed repetitions"),
    /** The interval of the median reached the {@code ciWidth} target. */
    TARGET_REACHED("target reached"),
    /** {@code max} trials ran without reaching the target. */
    MAX_REACHED("max reached"),
    /** The first {@code min} trials all failed: more repetitions would not measure anything. */
    FAILURES("failures"),
    /** Fewer trials than the rule asks for have completed (the run was interrupted). */
    INCOMPLETE("incomplete");

    private final String text;

    StopReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
