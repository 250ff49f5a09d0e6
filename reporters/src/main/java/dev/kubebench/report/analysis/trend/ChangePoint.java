package dev.kubebench.report.analysis.trend;

/**
 * A detected change in level.
 *
 * @param index             first index of the new segment (0-based position in the history)
 * @param meanBefore        mean of the segment before (from the previous change point)
 * @param meanAfter         mean of the segment after (up to the next change point)
 * @param changePercent     (meanAfter / meanBefore − 1) · 100, Otava's "forward change"
 * @param pValue            two-sided Student t-test p-value between the two segments
 */
public record ChangePoint(int index, double meanBefore, double meanAfter, double changePercent, double pValue) {
    /** |meanAfter / meanBefore − 1|, Otava's magnitude (a fraction, not percent). */
    public double magnitude() {
        return Math.abs(changePercent) / 100;
    }
}
