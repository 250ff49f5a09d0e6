package dev.kubebench.report.analysis.stats;

import java.util.Arrays;
import org.apache.commons.math3.special.Erf;

/**
 * The two-sided Mann–Whitney U (Wilcoxon rank-sum) test, computed as R's {@code wilcox.test(x, y)} does: the exact
 * null distribution when both samples have at most {@value #EXACT_LIMIT} values and there are no ties, otherwise the
 * normal approximation with tie correction and continuity correction. Makes no assumption about the distributions.
 */
public final class MannWhitney {
    /** Largest sample size per side for which the exact distribution is used (R uses exact below 50). */
    public static final int EXACT_LIMIT = 50;

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
     * @param u       the U statistic of {@code x}: pairs with x &gt; y, plus half the tied pairs (R's {@code W})
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

    /** Tests whether x and y come from the same distribution; both need at least one finite value. */
    public static Result test(double[] x, double[] y) {
        int n1 = x.length;
        int n2 = y.length;
        if (n1 == 0 || n2 == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        double[] all = new double[n1 + n2];
        System.arraycopy(x, 0, all, 0, n1);
        System.arraycopy(y, 0, all, n1, n2);
        Ranks ranks = Ranks.of(all);
        double rankSumX = 0;
        for (int i = 0; i < n1; i++) {
            rankSumX += ranks.rank(i);
        }
        double u = rankSumX - n1 * (n1 + 1) / 2.0;
        if (n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT && !ranks.hasTies()) {
            return new Result(u, exactTwoSided((int) Math.round(u), n1, n2), Method.EXACT);
        }
        double n = n1 + n2;
        double z = u - n1 * (double) n2 / 2.0;
        double sigma = Math.sqrt((n1 * (double) n2 / 12.0)
                * ((n + 1) - ranks.tieTerm() / (n * (n - 1))));
        if (sigma == 0) {
            return new Result(u, 1.0, Method.NORMAL_APPROXIMATION);
        }
        double correction = Math.signum(z) * 0.5;
        double zc = (z - correction) / sigma;
        double p = 2 * Math.min(upperNormal(-zc), upperNormal(zc));
        return new Result(u, Math.min(1.0, p), Method.NORMAL_APPROXIMATION);
    }

    /**
     * The smallest two-sided p-value the exact test can give for these sample sizes, 2 / C(n1+n2, n1): with 3 and 3
     * samples it is 0.1, so no difference can ever be significant at 0.05.
     */
    public static double minimumPValue(int n1, int n2) {
        double logChoose = 0;
        for (int i = 1; i <= n1; i++) {
            logChoose += Math.log(n2 + i) - Math.log(i);
        }
        return Math.min(1.0, 2 * Math.exp(-logChoose));
    }

    /** Two-sided exact p-value: twice the smaller tail at u, capped at 1 (R's rule, via symmetry). */
    static double exactTwoSided(int u, int n1, int n2) {
        double[] pmf = exactDistribution(n1, n2);
        double lower = 0;
        for (int k = 0; k <= u; k++) {
            lower += pmf[k];
        }
        double upper = 0;
        for (int k = u; k < pmf.length; k++) {
            upper += pmf[k];
        }
        return Math.min(1.0, 2 * Math.min(lower, upper));
    }

    /**
     * P(U = u) for u = 0..n1·n2 under the null hypothesis, by the counting recursion
     * p(m, n, u) = m/(m+n)·p(m−1, n, u−n) + n/(m+n)·p(m, n−1, u) (the largest value is in x or in y). Working in
     * probabilities rather than counts keeps every term positive and within double range.
     */
    static double[] exactDistribution(int n1, int n2) {
        // layer[n] = distribution for (m, n) with the current m; start with m = 0: U is always 0.
        double[][] layer = new double[n2 + 1][];
        for (int n = 0; n <= n2; n++) {
            layer[n] = new double[] {1.0};
        }
        for (int m = 1; m <= n1; m++) {
            double[][] next = new double[n2 + 1][];
            next[0] = new double[] {1.0};
            for (int n = 1; n <= n2; n++) {
                double[] dist = new double[m * n + 1];
                double wx = m / (double) (m + n);
                double wy = n / (double) (m + n);
                double[] fromX = layer[n];      // (m-1, n), shifted by n
                double[] fromY = next[n - 1];   // (m, n-1)
                for (int u = 0; u < fromX.length; u++) {
                    dist[u + n] += wx * fromX[u];
                }
                for (int u = 0; u < fromY.length; u++) {
                    dist[u] += wy * fromY[u];
                }
                next[n] = dist;
            }
            layer = next;
        }
        return layer[n2];
    }

    private static double upperNormal(double z) {
        return 0.5 * Erf.erfc(z / Math.sqrt(2));
    }

    /** Mid-ranks of a sample and its tie structure. */
    private static final class Ranks {
        private final double[] ranks;
        private final double tieTerm;

        private Ranks(double[] ranks, double tieTerm) {
            this.ranks = ranks;
            this.tieTerm = tieTerm;
        }

        static Ranks of(double[] values) {
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            double[] ranks = new double[values.length];
            double tieTerm = 0;
            int i = 0;
            while (i < order.length) {
                int j = i;
                while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                    j++;
                }
                double midRank = (i + j) / 2.0 + 1;
                for (int k = i; k <= j; k++) {
                    ranks[order[k]] = midRank;
                }
                double t = j - i + 1;
                tieTerm += t * t * t - t;
                i = j + 1;
            }
            return new Ranks(ranks, tieTerm);
        }

        double rank(int i) {
            return ranks[i];
        }

        boolean hasTies() {
            return tieTerm > 0;
        }

        /** Σ (t³ − t) over groups of tied values. */
        double tieTerm() {
            return tieTerm;
        }
    }
}
