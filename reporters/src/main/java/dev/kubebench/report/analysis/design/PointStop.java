package dev.kubebench.report.analysis.design;

/**
 * How far a sweep point's measured trials got.
 *
 * @param trials          measured trials that completed (failed ones included)
 * @param failed          those that did not succeed or did not report the metric
 * @param ciWidthPercent  the full width of the median's interval relative to the median, in percent; NaN when
 *                        fewer than two trials succeeded
 * @param coverage        the interval's confidence: the requested one, or less with too few trials for it
 * @param reason          why the point stopped here
 */
public record PointStop(int trials, int failed, double ciWidthPercent, double coverage, StopReason reason) {
    /** Whether the point needs no more trials. */
    public boolean done() {
        return reason != StopReason.INCOMPLETE;
    }
}
