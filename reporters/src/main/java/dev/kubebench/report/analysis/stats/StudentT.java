package dev.kubebench.report.analysis.stats;

import org.apache.commons.math3.special.Beta;

/**
 * Two-sample Student t-test with pooled variance (equal variances assumed), two-sided; the test Apache Otava uses
 * (scipy {@code ttest_ind} defaults) to decide whether a candidate change point is significant.
 */
public final class StudentT {
    private StudentT() {
    }

    /**
     * Two-sided p-value for a difference in means between {@code a[from..split)} and {@code a[split..to)}. Both sides
     * need at least one value and together at least three. When both sides have zero variance the p-value is 0 if
     * the means differ and 1 if they are equal.
     */
    public static double pValue(double[] series, int from, int split, int to) {
        int n1 = split - from;
        int n2 = to - split;
        if (n1 < 1 || n2 < 1 || n1 + n2 < 3) {
            throw new IllegalArgumentException("need at least one value per side and three in all");
        }
        double mean1 = mean(series, from, split);
        double mean2 = mean(series, split, to);
        double ss = sumSquares(series, from, split, mean1) + sumSquares(series, split, to, mean2);
        int df = n1 + n2 - 2;
        double pooled = ss / df;
        double diff = mean2 - mean1;
        if (pooled == 0) {
            return diff == 0 ? 1.0 : 0.0;
        }
        double t = diff / Math.sqrt(pooled * (1.0 / n1 + 1.0 / n2));
        return twoSidedFromT(t, df);
    }

    /** P(|T| ≥ |t|) for Student's t with df degrees of freedom: I_{df/(df+t²)}(df/2, 1/2). */
    public static double twoSidedFromT(double t, double df) {
        if (Double.isInfinite(t)) {
            return 0.0;
        }
        double x = df / (df + t * t);
        return Math.min(1.0, Beta.regularizedBeta(x, df / 2.0, 0.5));
    }

    static double mean(double[] a, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += a[i];
        }
        return sum / (to - from);
    }

    private static double sumSquares(double[] a, int from, int to, double mean) {
        double ss = 0;
        for (int i = from; i < to; i++) {
            ss += (a[i] - mean) * (a[i] - mean);
        }
        return ss;
    }
}
