package dev.kubebench.report.analysis.stats;

import java.util.Arrays;
import org.apache.commons.statistics.descriptive.GeometricMean;
import org.apache.commons.statistics.descriptive.Median;

/** Order statistics and means of a sample, by Commons Statistics. Inputs are not modified; empty inputs give NaN. */
public final class Descriptive {
    private static final Median MEDIAN = Median.withDefaults().withCopy(true);

    private Descriptive() {
    }

    /** The median; the mean of the two middle values for an even count. NaN sorts above every number. */
    public static double median(double[] values) {
        return MEDIAN.evaluate(values);
    }

    /** Geometric mean of strictly positive values; NaN if any value is not positive. */
    public static double geomean(double[] values) {
        for (double v : values) {
            if (!(v > 0)) {
                return Double.NaN;
            }
        }
        return GeometricMean.of(values).getAsDouble();
    }

    public static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
