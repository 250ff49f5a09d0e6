package dev.kubebench.report.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MannWhitneyTest {

    /**
     * R's documented example ({@code ?wilcox.test}, "Hollander &amp; Wolfe (1973), p. 69"): permeability constants;
     * {@code wilcox.test(x, y, alternative = "greater")} prints {@code W = 35, p-value = 0.1272} (exact test).
     * The exact null distribution is symmetric, so the two-sided p-value is twice that.
     */
    @Test
    void reproducesRExactExample() {
        double[] x = {0.80, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46};
        double[] y = {1.15, 0.88, 0.90, 0.74, 1.21};
        MannWhitney.Result r = MannWhitney.test(x, y);
        assertEquals(35.0, r.u());
        assertEquals(MannWhitney.Method.EXACT, r.method());
        assertEquals(2 * 0.1272, r.pValue(), 1e-4);
    }

    /**
     * R's {@code wilcox.test(extra ~ group, data = sleep)} (Student's sleep data, 1908, shipped with R): ties, so R uses
     * the normal approximation with tie and continuity correction and prints {@code W = 25.5, p-value = 0.06933}.
     */
    @Test
    void reproducesRNormalApproximationWithTies() {
        double[] drug1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
        double[] drug2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};
        MannWhitney.Result r = MannWhitney.test(drug1, drug2);
        assertEquals(25.5, r.u());
        assertEquals(MannWhitney.Method.NORMAL_APPROXIMATION, r.method());
        assertEquals(0.06933, r.pValue(), 5e-6);
    }

    /** Derived by hand: with complete separation only 1 of C(n1+n2, n1) orderings is as extreme in each tail. */
    @ParameterizedTest
    @CsvSource({"3, 3, 20", "4, 4, 70", "3, 4, 35", "5, 5, 252", "10, 10, 184756"})
    void completeSeparationGivesTwoOverBinomial(int n1, int n2, double choose) {
        double[] x = new double[n1];
        double[] y = new double[n2];
        for (int i = 0; i < n1; i++) {
            x[i] = 100 + i;
        }
        for (int j = 0; j < n2; j++) {
            y[j] = 200 + j;
        }
        assertEquals(2 / choose, MannWhitney.test(x, y).pValue(), 1e-12);
        assertEquals(2 / choose, MannWhitney.test(y, x).pValue(), 1e-12);
        assertEquals(2 / choose, MannWhitney.minimumPValue(n1, n2), 1e-12);
    }

    /**
     * Critical values of U for a two-tailed test at alpha 0.05 with equal sample sizes, from the standard published
     * table (e.g. Siegel &amp; Castellan, Nonparametric Statistics, table J; reproduced in most statistics texts):
     * reject when U &lt;= the critical value. So p(crit) &lt;= 0.05 &lt; p(crit + 1) for the exact test.
     */
    @ParameterizedTest
    @CsvSource({"5, 2", "6, 5", "7, 8", "8, 13", "9, 17", "10, 23", "12, 37", "15, 64", "20, 127"})
    void exactTestMatchesPublishedCriticalValues(int n, int critical) {
        MannWhitney.Result atCritical = testWithU(n, critical);
        assertEquals(critical, atCritical.u());
        assertEquals(MannWhitney.Method.EXACT, atCritical.method());
        assertTrue(atCritical.pValue() <= 0.05, "at the critical value");
        assertTrue(testWithU(n, critical + 1).pValue() > 0.05, "one above the critical value");
    }

    /**
     * Two samples of n distinct values whose U is {@code u}: y = 0, 2, …, 2(n−1) and each x just below the y value
     * that leaves k of them smaller, with the k adding up to u.
     */
    private static MannWhitney.Result testWithU(int n, int u) {
        double[] x = new double[n];
        double[] y = new double[n];
        int left = u;
        for (int i = 0; i < n; i++) {
            y[i] = 2 * i;
            int below = Math.min(n, left);
            left -= below;
            x[i] = 2 * below - 1 + i / (n + 1.0);
        }
        return MannWhitney.test(x, y);
    }

    @Test
    void identicalSamplesAreNotSignificant() {
        double[] x = {5, 5, 5, 5};
        assertEquals(1.0, MannWhitney.test(x, x.clone()).pValue());
    }

    /** Interleaved samples 2i and 2i + 7.5 for i &lt; n: no ties, W = 1081 at n = 50 and 1035 at n = 49. */
    private static MannWhitney.Result interleaved(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 2 * i;
            y[i] = 2 * i + 7.5;
        }
        return MannWhitney.test(x, y);
    }

    /**
     * At 50 per side R's {@code wilcox.test(x, y)} (exact = NULL, R 4.2.2) no longer uses the exact distribution: it
     * prints "Wilcoxon rank sum test with continuity correction", W = 1081, p-value = 0.245394467257475. The exact
     * p-value, which this class gave before it followed that rule, is 0.246580418463692 ({@code exact = TRUE}).
     */
    @Test
    void fiftyPerSideUsesTheNormalApproximationAsR() {
        MannWhitney.Result r = interleaved(50);
        assertEquals(1081.0, r.u());
        assertEquals(MannWhitney.Method.NORMAL_APPROXIMATION, r.method());
        assertEquals(0.245394467257475, r.pValue(), 1e-12);
    }

    /** One below: R's {@code wilcox.test(x, y)} is the exact test, W = 1035, p-value = 0.242240975618722. */
    @Test
    void fortyNinePerSideIsStillExact() {
        MannWhitney.Result r = interleaved(49);
        assertEquals(1035.0, r.u());
        assertEquals(MannWhitney.Method.EXACT, r.method());
        assertEquals(0.242240975618722, r.pValue(), 1e-12);
    }

    @Test
    void oneLargeSideIsEnoughForTheNormalApproximation() {
        double[] x = {1, 3, 5};
        double[] y = IntStream.range(0, MannWhitney.EXACT_BELOW).mapToDouble(i -> 2 * i).toArray();
        assertEquals(MannWhitney.Method.NORMAL_APPROXIMATION, MannWhitney.test(x, y).method());
    }
}
