package dev.kubebench.report.analysis.aggregate;

import java.util.Arrays;

/**
 * Summary of one metric over the trials of a sweep point.
 *
 * @param n       number of values (0 when none; then the other fields are NaN)
 * @param median  median (mean of the two middle values for even n)
 * @param min     smallest value
 * @param max     largest value
 */
public record MetricSummary(int n, double median, double min, double max) {
    public static final MetricSummary EMPTY = new MetricSummary(0, Double.NaN, Double.NaN, Double.NaN);

    public MetricSummary {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0");
        }
    }

    /** Summarises the finite values among {@code values} (NaN and infinities are ignored). */
    public static MetricSummary of(double[] values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return EMPTY;
        }
        int m = v.length / 2;
        double median = v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
        return new MetricSummary(v.length, median, v[0], v[v.length - 1]);
    }
}
