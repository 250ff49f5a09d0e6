package dev.kubebench.report.analysis.compare;

/** The outcome of comparing one metric at one sweep point. */
public enum Verdict {
    /** p &lt; alpha and the median moved beyond the threshold in the bad direction. */
    REGRESSION("regression"),
    /** p &lt; alpha and the median moved beyond the threshold in the good direction. */
    IMPROVEMENT("improvement"),
    /** No significant change, or a significant one within the threshold; benchstat's {@code ~}. */
    NO_CHANGE("~"),
    /** Too few samples on a side for the test to ever reach alpha. */
    INSUFFICIENT("insufficient");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** How the verdict is printed and written to JSON. */
    public String label() {
        return label;
    }
}
