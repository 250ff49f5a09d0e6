package dev.kubebench.report.analysis.stats;

import java.util.Arrays;

/** Order statistics and means of a sample. Inputs are not modified; NaN and empty inputs give NaN. */
public final class Descriptive {
    private Descriptive() {
    }

    /** The median; the mean of the two middle values for an even count. */
    public static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = sorted(values);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    public static double mean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Unbiased sample variance (n − 1 in the denominator); NaN for fewer than two values. */
    public static double variance(double[] values) {
        if (values.length < 2) {
            return Double.NaN;
        }
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            ss += (v - m) * (v - m);
        }
        return ss / (values.length - 1);
    }

    /** Geometric mean of strictly positive values; NaN if any value is not positive. */
    public static double geomean(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double logSum = 0;
        for (double v : values) {
            if (!(v > 0)) {
                return Double.NaN;
            }
            logSum += Math.log(v);
        }
        return Math.exp(logSum / values.length);
    }

    public static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
