package dev.kubebench.report.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
     * reject when U &lt;= the critical value. So 2·P(U &lt;= crit) &lt;= 0.05 &lt; 2·P(U &lt;= crit + 1).
     */
    @ParameterizedTest
    @CsvSource({"5, 2", "6, 5", "7, 8", "8, 13", "9, 17", "10, 23", "12, 37", "15, 64", "20, 127"})
    void exactDistributionMatchesPublishedCriticalValues(int n, int critical) {
        assertTrue(MannWhitney.exactTwoSided(critical, n, n) <= 0.05, "at the critical value");
        assertTrue(MannWhitney.exactTwoSided(critical + 1, n, n) > 0.05, "one above the critical value");
    }

    @Test
    void exactDistributionIsAProbabilityDistributionAndSymmetric() {
        double[] pmf = MannWhitney.exactDistribution(50, 50);
        double sum = 0;
        for (double p : pmf) {
            sum += p;
        }
        assertEquals(1.0, sum, 1e-9);
        for (int u = 0; u < pmf.length; u++) {
            assertEquals(pmf[u], pmf[pmf.length - 1 - u], 1e-15 + 1e-9 * pmf[u]);
        }
    }

    @Test
    void identicalSamplesAreNotSignificant() {
        double[] x = {5, 5, 5, 5};
        assertEquals(1.0, MannWhitney.test(x, x.clone()).pValue());
    }

    @Test
    void largeSamplesUseTheNormalApproximationAndAgreeWithExactNearTheLimit() {
        double[] x = new double[51];
        double[] y = new double[51];
        for (int i = 0; i < 51; i++) {
            x[i] = 2 * i;
            y[i] = 2 * i + 7.5;  // interleaved, no ties
        }
        MannWhitney.Result normal = MannWhitney.test(x, y);
        assertEquals(MannWhitney.Method.NORMAL_APPROXIMATION, normal.method());
        double[] x50 = java.util.Arrays.copyOf(x, 50);
        double[] y50 = java.util.Arrays.copyOf(y, 50);
        MannWhitney.Result exact = MannWhitney.test(x50, y50);
        assertEquals(MannWhitney.Method.EXACT, exact.method());
        // Same shift, one sample apart in size: the two methods should be close.
        assertEquals(exact.pValue(), normal.pValue(), 0.05);
    }
}
