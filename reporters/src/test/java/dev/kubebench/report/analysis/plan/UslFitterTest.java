package dev.kubebench.report.analysis.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class UslFitterTest {

    /**
     * Published example: the SPEC SDM91 benchmark of a Sun SPARCcenter 2000 from Gunther, "Guerrilla Capacity
     * Planning" (Springer 2007), shipped as dataset {@code specsdm91} in the R package {@code usl} (Stefan Möding).
     * The package README (github.com/smoeding/usl, nls fit of throughput ~ load with all three parameters) prints:
     * alpha (σ) 0.0277285 ± 0.0091217, beta (κ) 0.0001044 ± 0.0000199, gamma (λ) 89.9952330 ± 14.2134894, residual
     * standard error 82.8 on 4 degrees of freedom. (Older package versions fixed λ = X(1) = 64.9 and print different
     * coefficients.)
     */
    @Test
    void reproducesPublishedSpecSdm91Coefficients() {
        int[] load = {1, 18, 36, 72, 108, 144, 216};
        double[] throughput = {64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2};
        UslFit fit = UslFitter.fit(load, throughput);
        assertEquals(0.0277285, fit.model().sigma(), 0.0000005 + 0.0277285 * 1e-4);
        assertEquals(0.0001044, fit.model().kappa(), 0.00000005);
        assertEquals(89.9952330, fit.model().lambda(), 0.01);
        assertEquals(0.0091217, fit.sigmaError(), 0.0000005 + 0.0091217 * 1e-3);
        assertEquals(0.0000199, fit.kappaError(), 0.00000005);
        assertEquals(14.2134894, fit.lambdaError(), 0.02);
        assertEquals(82.8, fit.residualStdError(), 0.05);
    }

    @Test
    void recoversParametersFromExactData() {
        UslModel truth = new UslModel(1000, 0.05, 0.0005);
        int[] n = {1, 2, 4, 8, 16, 32, 64};
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            x[i] = truth.throughput(n[i]);
        }
        UslFit fit = UslFitter.fit(n, x);
        assertEquals(1000, fit.model().lambda(), 1e-6);
        assertEquals(0.05, fit.model().sigma(), 1e-9);
        assertEquals(0.0005, fit.model().kappa(), 1e-11);
        assertEquals(1.0, fit.r2(), 1e-12);
        assertEquals(Math.sqrt(0.95 / 0.0005), fit.model().peakGpus(), 1e-6);
    }

    @Test
    void recoversParametersFromNoisyDataWithinFivePercent() {
        UslModel truth = new UslModel(400, 0.02, 0.001);
        Random rnd = new Random(11);
        int[] n = new int[64];
        double[] x = new double[64];
        for (int i = 0; i < 64; i++) {
            n[i] = i + 1;
            x[i] = truth.throughput(n[i]) * (1 + 0.005 * rnd.nextGaussian());
        }
        UslFit fit = UslFitter.fit(n, x);
        assertEquals(0.02, fit.model().sigma(), 0.02 * 0.05);
        assertEquals(0.001, fit.model().kappa(), 0.001 * 0.05);
        assertTrue(fit.r2() > 0.99);
        assertTrue(fit.sigmaError() > 0 && fit.sigmaError() < 0.002, "sigma error " + fit.sigmaError());
        // the true value lies within a few standard errors of the estimate
        assertTrue(Math.abs(fit.model().kappa() - 0.001) < 4 * fit.kappaError());
    }

    @Test
    void linearScalingFitsZeroContention() {
        int[] n = {1, 2, 4, 8};
        double[] x = {100, 200, 400, 800};
        UslFit fit = UslFitter.fit(n, x);
        assertEquals(0, fit.model().sigma(), 1e-9);
        assertEquals(0, fit.model().kappa(), 1e-12);
        assertTrue(Double.isInfinite(fit.model().peakGpus()));
    }

    @Test
    void needsThreeScales() {
        assertThrows(IllegalArgumentException.class, () -> UslFitter.fit(new int[] {1, 2, 2}, new double[] {1, 2, 2}));
    }
}
