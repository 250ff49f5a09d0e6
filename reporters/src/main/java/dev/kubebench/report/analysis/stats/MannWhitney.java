package dev.kubebench.report.analysis.stats;

import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sided Mann–Whitney U (Wilcoxon rank-sum) test as R's {@code wilcox.test(x, y)} computes it, done by Commons
 * Statistics' {@link MannWhitneyUTest}: the exact null distribution when both samples have fewer than
 * {@value #EXACT_BELOW} values and there are no ties, otherwise the normal approximation with tie correction and
 * continuity correction. Makes no assumption about the distributions. This class only picks the method, so that the
 * result can say which one it used, and gives the comparison its result shape.
 */
public final class MannWhitney {
    /** Samples of this size or more, on either side, get the normal approximation (R's and Commons' rule). */
    public static final int EXACT_BELOW = 50;

    private static final MannWhitneyUTest R_DEFAULTS = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED)
            .with(ContinuityCorrection.ENABLED);
    private static final MannWhitneyUTest EXACT_TEST = R_DEFAULTS.with(PValueMethod.EXACT);
    private static final MannWhitneyUTest NORMAL_TEST = R_DEFAULTS.with(PValueMethod.ASYMPTOTIC);

    private MannWhitney() {
    }

    /** How a p-value was computed. */
    public enum Method {
        EXACT,
        NORMAL_APPROXIMATION
    }

    /**
     * A test result.
     *
     * @param u       the U statistic of {@code x}: pairs with x &gt; y, plus half the tied pairs (R's {@code W}); in
     *                [0, n1·n2]
     * @param pValue  two-sided p-value in [0, 1]
     * @param method  exact distribution or normal approximation
     */
    public record Result(double u, double pValue, Method method) {
        public Result {
            if (!(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("p-value out of range: " + pValue);
            }
        }
    }

    /** Tests whether x and y come from the same distribution; both need at least one value, none of them NaN. */
    public static Result test(double[] x, double[] y) {
        boolean small = x.length < EXACT_BELOW && y.length < EXACT_BELOW;
        MannWhitneyUTest.Result r = (small ? EXACT_TEST : NORMAL_TEST).test(x, y);
        // The exact distribution assumes distinct values; with ties Commons falls back to the normal approximation.
        Method method = small && !r.hasTiedValues() ? Method.EXACT : Method.NORMAL_APPROXIMATION;
        // When every value is the same U has no variance and Commons (like R) gives no p-value; nothing differs.
        double p = oneValue(x, y) ? 1.0 : r.getPValue();
        return new Result(r.getStatistic(), p, method);
    }

    /**
     * The smallest two-sided p-value the test can give for these sample sizes (each at least 1): that of two samples
     * that do not overlap. For the exact test it is 2 / C(n1+n2, n1): with 3 and 3 samples 0.1, so no difference can
     * ever be significant at 0.05.
     */
    public static double minimumPValue(int n1, int n2) {
        double[] x = IntStream.range(0, n1).asDoubleStream().toArray();
        double[] y = IntStream.range(n1, n1 + n2).asDoubleStream().toArray();
        return test(x, y).pValue();
    }

    private static boolean oneValue(double[] x, double[] y) {
        DoubleSummaryStatistics all = DoubleStream.concat(Arrays.stream(x), Arrays.stream(y)).summaryStatistics();
        return all.getMin() == all.getMax();
    }
}
