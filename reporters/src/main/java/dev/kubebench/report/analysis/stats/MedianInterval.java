package dev.kubebench.report.analysis.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The median of a sample with a distribution-free confidence interval from order statistics, as benchstat computes
 * it: the interval [x(k), x(n−k+1)] with the largest k for which P(Binomial(n, ½) &lt; k) ≤ (1 − confidence)/2. Its
 * coverage is at least the requested confidence. With too few values (fewer than 6 at 0.95) there is no such k and
 * the bounds are NaN.
 *
 * @param n           number of values
 * @param median      the sample median
 * @param low         lower bound, NaN when the sample is too small
 * @param high        upper bound, NaN when the sample is too small
 * @param confidence  the requested confidence level in (0, 1)
 */
public record MedianInterval(int n, double median, double low, double high, double confidence) {

    public MedianInterval {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
    }

    public static MedianInterval of(double[] values, double confidence) {
        int n = values.length;
        double median = Descriptive.median(values);
        int k = orderStatistic(n, confidence);
        if (k < 1) {
            return new MedianInterval(n, median, Double.NaN, Double.NaN, confidence);
        }
        double[] sorted = Descriptive.sorted(values);
        return new MedianInterval(n, median, sorted[k - 1], sorted[n - k], confidence);
    }

    /** True when the sample was large enough for an interval. */
    public boolean hasInterval() {
        return !Double.isNaN(low);
    }

    /** The half-width of the interval relative to the median, as benchstat prints "± x%"; NaN without one. */
    public double relativeHalfWidth() {
        if (!hasInterval() || median == 0) {
            return Double.NaN;
        }
        return Math.max(median - low, high - median) / Math.abs(median);
    }

    /** The smallest sample size that gives an interval at this confidence. */
    public static int minimumSampleSize(double confidence) {
        int n = 1;
        while (orderStatistic(n, confidence) < 1) {
            n++;
        }
        return n;
    }

    /** The 1-based rank k of the lower bound, or 0 when no interval reaches the confidence. */
    static int orderStatistic(int n, double confidence) {
        if (n < 1) {
            return 0;
        }
        double tail = (1 - confidence) / 2;
        BinomialDistribution binomial = new BinomialDistribution(null, n, 0.5);
        int k = 0;
        // P(X <= k) is the probability the median lies below x(k+1); grow k while the tail stays within budget.
        while (k + 1 <= (n + 1) / 2 && binomial.cumulativeProbability(k) <= tail) {
            k++;
        }
        return k;
    }
}
