package dev.kubebench.report.analysis.stats;

import java.util.Arrays;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

/**
 * Two-sample Student t-test with pooled variance (equal variances assumed), two-sided, done by Commons Statistics'
 * {@link TTest}; the test Apache Otava uses (scipy {@code ttest_ind} defaults, R's {@code t.test(var.equal = TRUE)})
 * to decide whether a candidate change point is significant.
 */
public final class StudentT {
    private static final TTest POOLED = TTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED)
            .with(DataDispersion.HOMOSCEDASTIC);

    private StudentT() {
    }

    /**
     * Two-sided p-value for a difference in means between {@code series[from..split)} and {@code series[split..to)}.
     * Each side needs at least two values. When both sides have zero variance the p-value is 0 if the means differ
     * and 1 if they are equal.
     */
    public static double pValue(double[] series, int from, int split, int to) {
        if (split - from < 2 || to - split < 2) {
            throw new IllegalArgumentException("need at least two values per side: [" + from + ", " + split + ") and ["
                    + split + ", " + to + ")");
        }
        double p = POOLED.test(Arrays.copyOfRange(series, from, split), Arrays.copyOfRange(series, split, to))
                .getPValue();
        // Zero pooled variance: t is ±∞ (p = 0) when the means differ and 0/0 when they are equal, which is no change.
        return Double.isNaN(p) ? 1.0 : p;
    }
}
