package dev.kubebench.report.analysis.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.report.analysis.samples.SampleSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComparerTest {
    private static final double[] BASE = {100.2, 99.1, 101.3, 100.7, 98.9, 100.0, 99.6, 101.1, 100.4, 99.8};

    private static double[] scaled(double[] v, double f) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * f;
        }
        return out;
    }

    private static ComparisonReport compare(CompareSettings s, String metric, double[] b, double[] c) {
        return new Comparer(s).compare(List.of(new SampleSet(metric, "", b, null)),
                List.of(new SampleSet(metric, "", c, null)));
    }

    @Test
    void selfComparisonIsNoChange() {
        ComparisonReport r = compare(CompareSettings.defaults(), "time_to_train_s", BASE, BASE);
        MetricComparison row = r.rows().get(0);
        assertEquals(Verdict.NO_CHANGE, row.verdict());
        assertEquals(0.0, row.changePercent(), 1e-12);
        assertFalse(r.gateFailed(true));
    }

    @Test
    void tenPercentSlowerIsARegressionForATime() {
        ComparisonReport r = compare(CompareSettings.defaults(), "time_to_train_s", BASE, scaled(BASE, 1.10));
        MetricComparison row = r.rows().get(0);
        assertEquals(Verdict.REGRESSION, row.verdict());
        assertEquals(Direction.LOWER, row.direction());
        assertEquals(10.0, row.changePercent(), 1e-9);
        // complete separation of 10 vs 10: p = 2 / C(20, 10)
        assertEquals(2.0 / 184756, row.pValue(), 1e-12);
        assertTrue(r.gateFailed(false));
        assertEquals(1, r.gateChecks(false).size());
        assertFalse(r.gateChecks(false).get(0).passed());
        assertEquals("time_to_train_s max regression 5%", r.gateChecks(false).get(0).name());
    }

    @Test
    void tenPercentHigherThroughputIsAnImprovement() {
        ComparisonReport r = compare(CompareSettings.defaults(), "throughput_samples_per_s", BASE,
                scaled(BASE, 1.10));
        assertEquals(Verdict.IMPROVEMENT, r.rows().get(0).verdict());
        assertFalse(r.gateFailed(false));
    }

    @Test
    void moreEnergyPerSampleIsARegressionAndMoreGpuUtilizationAnImprovement() {
        ComparisonReport energy = compare(CompareSettings.defaults(), "energy_per_sample_j", BASE,
                scaled(BASE, 1.10));
        assertEquals(Direction.LOWER, energy.rows().get(0).direction());
        assertEquals(Verdict.REGRESSION, energy.rows().get(0).verdict());
        ComparisonReport less = compare(CompareSettings.defaults(), "gpu_energy_j", BASE, scaled(BASE, 0.9));
        assertEquals(Verdict.IMPROVEMENT, less.rows().get(0).verdict());
        ComparisonReport util = compare(CompareSettings.defaults(), "gpu_util_mean_pct", BASE, scaled(BASE, 1.10));
        assertEquals(Direction.HIGHER, util.rows().get(0).direction());
        assertEquals(Verdict.IMPROVEMENT, util.rows().get(0).verdict());
        ComparisonReport idle = compare(CompareSettings.defaults(), "gpu_util_mean_pct", BASE, scaled(BASE, 0.9));
        assertEquals(Verdict.REGRESSION, idle.rows().get(0).verdict());
    }

    @Test
    void significantChangeWithinThresholdIsNoChange() {
        ComparisonReport r = compare(CompareSettings.defaults(), "time_to_train_s", BASE, scaled(BASE, 1.03));
        MetricComparison row = r.rows().get(0);
        assertTrue(row.pValue() < 0.05);
        assertEquals(Verdict.NO_CHANGE, row.verdict());
        assertTrue(row.note().contains("within the 5% threshold"), row.note());
    }

    @Test
    void largeButNoisyChangeIsNotSignificant() {
        Random rnd = new Random(7);
        double[] b = new double[5];
        double[] c = new double[5];
        for (int i = 0; i < 5; i++) {
            b[i] = 100 * Math.exp(rnd.nextGaussian() * 0.5);
            c[i] = 110 * Math.exp(rnd.nextGaussian() * 0.5);
        }
        MetricComparison row = compare(CompareSettings.defaults(), "time_to_train_s", b, c).rows().get(0);
        assertTrue(row.pValue() >= 0.05, "p=" + row.pValue());
        assertEquals(Verdict.NO_CHANGE, row.verdict());
    }

    @Test
    void fewerThanFourSamplesIsInsufficientAndSaysHowManyMore() {
        ComparisonReport r = compare(CompareSettings.defaults(), "time_to_train_s", new double[] {1, 2, 3},
                new double[] {5, 6});
        MetricComparison row = r.rows().get(0);
        assertEquals(Verdict.INSUFFICIENT, row.verdict());
        assertEquals("need 1 more baseline run and 2 more candidate runs (at least 4 per side)", row.note());
        assertFalse(r.gateFailed(false));
        assertTrue(r.gateFailed(true));
    }

    @Test
    void stricterAlphaNeedsMoreSamples() {
        CompareSettings s = new CompareSettings(0.001, 0.95, 5, List.of(), Map.of(), Set.of());
        // 2 / C(2n, n) < 0.001 first holds at n = 7 (C(14, 7) = 3432)
        assertEquals(7, s.minimumSamples());
    }

    @Test
    void gateThresholdAndDirectionOverrideDefaults() {
        CompareSettings s = CompareSettings.defaults()
                .withGates(List.of(new Gate("score", Direction.HIGHER, 20)));
        ComparisonReport r = compare(s, "score", BASE, scaled(BASE, 0.9));
        MetricComparison row = r.rows().get(0);
        assertEquals("gate", row.directionSource());
        assertEquals(20.0, row.thresholdPercent());
        assertEquals(Verdict.NO_CHANGE, row.verdict());
        ComparisonReport r2 = compare(s, "score", BASE, scaled(BASE, 0.7));
        assertEquals(Verdict.REGRESSION, r2.rows().get(0).verdict());
    }

    @Test
    void ungatedMetricRegressionDoesNotFailTheGate() {
        CompareSettings s = new CompareSettings(0.05, 0.95, 5, List.of(), Map.of(), Set.of("time_to_train_s"));
        ComparisonReport r = compare(s, "step_time_p50_ms", BASE, scaled(BASE, 1.2));
        assertEquals(Verdict.REGRESSION, r.rows().get(0).verdict());
        assertFalse(r.gateFailed(false));
    }

    @Test
    void unknownDirectionIsAssumedLowerWithAWarning() {
        ComparisonReport r = compare(CompareSettings.defaults(), "widgets", BASE, BASE);
        assertEquals("assumed", r.rows().get(0).directionSource());
        assertEquals(1, r.warnings().size());
    }

    @Test
    void geomeanRowAcrossSweepPoints() {
        List<SampleSet> b = List.of(new SampleSet("time_to_train_s", "gpus=1", BASE, null),
                new SampleSet("time_to_train_s", "gpus=2", scaled(BASE, 0.5), null));
        List<SampleSet> c = List.of(new SampleSet("time_to_train_s", "gpus=1", scaled(BASE, 2), null),
                new SampleSet("time_to_train_s", "gpus=2", scaled(BASE, 0.5), null));
        ComparisonReport r = new Comparer(CompareSettings.defaults()).compare(b, c);
        assertEquals(1, r.geomeans().size());
        GeomeanRow g = r.geomeans().get(0);
        // one of two points doubled: the geomean moves by sqrt(2)
        assertEquals((Math.sqrt(2) - 1) * 100, g.changePercent(), 1e-9);
    }
}
