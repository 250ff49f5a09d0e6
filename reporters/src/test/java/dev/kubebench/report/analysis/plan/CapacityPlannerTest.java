package dev.kubebench.report.analysis.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Also holds the plan fixtures that the format packages' tests render. */
public class CapacityPlannerTest {
    public static final UslModel FAST = new UslModel(1000, 0.05, 0.0005);
    static final UslModel SLOW = new UslModel(400, 0.02, 0.001);
    /** Samples one training run needs: 1000 samples/s for 10 hours. */
    static final double SAMPLES = 1000 * 36_000.0;

    public static List<Measurement> twoPools() {
        List<Measurement> m = new ArrayList<>();
        for (int n = 1; n <= 64; n *= 2) {
            m.add(new Measurement("h100", n, FAST.throughput(n), SAMPLES / FAST.throughput(n), "H100"));
            m.add(new Measurement("a100", n, SLOW.throughput(n), Double.NaN, "A100"));
        }
        return m;
    }

    public static PriceTable prices() {
        return new PriceTable("USD", List.of(new PriceTable.Price("h100", null, 4.0),
                new PriceTable.Price(null, "A100", 1.0)));
    }

    @Test
    void efficiencyAndSpeedupAgainstTheSmallestScale() {
        CapacityPlan plan = new CapacityPlanner(PlanSettings.defaults(), prices()).plan(twoPools());
        PoolPlan h100 = plan.pools().get(0);
        assertEquals("h100", h100.pool());
        ScalePoint eight = h100.measured().stream().filter(p -> p.gpus() == 8).findFirst().orElseThrow();
        double x8 = FAST.throughput(8);
        assertEquals(x8 / 1000, eight.speedup(), 1e-9);
        assertEquals(x8 / 1000 / 8, eight.efficiency(), 1e-9);
        assertEquals(x8 / 8, eight.throughputPerGpu(), 1e-9);
        assertEquals(SAMPLES / x8, eight.timeToTrainSeconds(), 1e-6);
        assertEquals(8 * SAMPLES / x8 / 3600, eight.gpuHours(), 1e-9);
        assertEquals(4.0 * eight.gpuHours(), eight.cost(), 1e-9);
    }

    @Test
    void fitsEachPoolAndProjectsWithSamplesFromAnotherPoolUnknown() {
        CapacityPlan plan = new CapacityPlanner(PlanSettings.defaults(), prices()).plan(twoPools());
        UslFit h = plan.pools().get(0).fit();
        assertEquals(0.05, h.model().sigma(), 1e-8);
        assertEquals(0.0005, h.model().kappa(), 1e-10);
        UslFit a = plan.pools().get(1).fit();
        assertEquals(0.02, a.model().sigma(), 1e-8);
        assertEquals(0.001, a.model().kappa(), 1e-10);
        // h100: projections up to 4 x 64 = 256 GPUs at 128, 256 and the peak N* = sqrt(0.95/0.0005) = 43.6 -> 44
        List<Integer> projected = plan.pools().get(0).projected().stream().map(ScalePoint::gpus).toList();
        assertEquals(List.of(44, 128, 256), projected);
        ScalePoint p256 = plan.pools().get(0).projected().get(2);
        assertTrue(p256.extrapolated());
        assertEquals(FAST.throughput(256), p256.throughput(), 1e-6);
        assertFalse(plan.pools().get(0).projected().get(0).extrapolated());
        assertTrue(plan.pools().get(0).warnings().stream().anyMatch(w -> w.contains("extrapolations")));
        // a100 has no time to train and no --samples-to-train: times unknown
        assertTrue(Double.isNaN(plan.pools().get(1).measured().get(0).timeToTrainSeconds()));
    }

    @Test
    void cheapestMeetingTargetAndFrontier() {
        PlanSettings s = new PlanSettings(2 * 3600, Double.NaN, 0, 2);
        CapacityPlan plan = new CapacityPlanner(s, prices()).plan(twoPools());
        ScalePoint c = plan.cheapest();
        assertNotNull(c);
        // candidates meeting 2 h on h100: X(N) >= 5000 samples/s; cost = 4 * N * T; the cheapest is the smallest N
        assertTrue(c.timeToTrainSeconds() <= 7200);
        for (PoolPlan p : plan.pools()) {
            for (ScalePoint x : p.measured()) {
                if (x.timeToTrainSeconds() <= 7200) {
                    assertTrue(x.cost() >= c.cost());
                }
            }
        }
        assertEquals(8, c.gpus());
        // frontier: ascending time, strictly descending cost
        List<ScalePoint> f = plan.frontier();
        assertFalse(f.isEmpty());
        for (int i = 1; i < f.size(); i++) {
            assertTrue(f.get(i).timeToTrainSeconds() >= f.get(i - 1).timeToTrainSeconds());
            assertTrue(f.get(i).cost() < f.get(i - 1).cost());
        }
        // the 1-GPU run is the cheapest of all (efficiency only falls), so it ends the frontier
        assertEquals(1, f.get(f.size() - 1).gpus());
        // far extrapolations (256 GPUs, 4x the measured 64) are never recommended
        assertTrue(f.stream().noneMatch(ScalePoint::extrapolated));
    }

    @Test
    void unreachableTargetWarns() {
        PlanSettings s = new PlanSettings(60, Double.NaN, 0, 2);
        CapacityPlan plan = new CapacityPlanner(s, prices()).plan(twoPools());
        assertNull(plan.cheapest());
        assertTrue(plan.warnings().stream().anyMatch(w -> w.contains("no configuration meets")));
    }

    @Test
    void withoutPricesCostIsGpuHours() {
        PlanSettings s = new PlanSettings(Double.NaN, SAMPLES, 0, 2);
        CapacityPlan plan = new CapacityPlanner(s, null).plan(twoPools());
        assertEquals("GPU-h", plan.costUnit());
        ScalePoint a = plan.pools().get(1).measured().get(0);
        assertEquals(a.gpuHours(), a.cost(), 1e-12);
        assertEquals(SAMPLES / 400 / 3600, a.gpuHours(), 1e-9);
    }

    @Test
    void twoScalesGiveNoFitButAWarning() {
        List<Measurement> m = List.of(new Measurement("p", 1, 100, Double.NaN, null),
                new Measurement("p", 2, 190, Double.NaN, null));
        CapacityPlan plan = new CapacityPlanner(PlanSettings.defaults(), null).plan(m);
        assertNull(plan.pools().get(0).fit());
        assertTrue(plan.pools().get(0).warnings().get(0).contains("needs at least 3"));
        assertEquals(0.95, plan.pools().get(0).measured().get(1).efficiency(), 1e-12);
    }

    /** h100 at 700 W per GPU: energy per sample n × 700 / X(n); times from SAMPLES. */
    public static List<Measurement> withEnergy() {
        List<Measurement> m = new ArrayList<>();
        for (int n = 1; n <= 16; n *= 2) {
            double x = FAST.throughput(n);
            m.add(new Measurement("h100", n, x, SAMPLES / x, "H100", 700.0 * n / x));
        }
        return m;
    }

    @Test
    void energyPerSampleAndPerRunWithItsCostInThePriceTablesCurrency() {
        PlanSettings s = new PlanSettings(Double.NaN, Double.NaN, 0, 2, 0.12);
        CapacityPlan plan = new CapacityPlanner(s, prices()).plan(withEnergy());
        assertTrue(plan.hasEnergy());
        assertEquals("USD", plan.energyCostUnit());
        ScalePoint eight = plan.pools().get(0).measured().get(3);
        assertEquals(8, eight.gpus());
        double x8 = FAST.throughput(8);
        assertEquals(700.0 * 8 / x8, eight.energyPerSampleJoules(), 1e-12);
        // a run: 8 GPUs × 700 W for the time to train
        double kwh = 8 * 700.0 * (SAMPLES / x8) / 3.6e6;
        assertEquals(kwh, eight.energyKwh(), 1e-9);
        assertEquals(kwh * 0.12, eight.energyCost(), 1e-9);
        // projected scales draw the measured 700 W per GPU
        ScalePoint p32 = plan.pools().get(0).projected().stream().filter(p -> p.gpus() == 32).findFirst()
                .orElseThrow();
        assertEquals(700.0 * 32 / p32.throughput(), p32.energyPerSampleJoules(), 1e-9);
        assertTrue(p32.energyPerSampleJoules() > eight.energyPerSampleJoules(),
                "worse scaling efficiency costs energy per sample");
        assertTrue(plan.warnings().isEmpty(), plan.warnings().toString());
    }

    @Test
    void withoutEnergyMeasurementsThereIsNoEnergyAndAPriceIsAWarning() {
        CapacityPlan none = new CapacityPlanner(PlanSettings.defaults(), prices()).plan(twoPools());
        assertFalse(none.hasEnergy());
        assertNull(none.energyCostUnit());
        assertTrue(Double.isNaN(none.pools().get(0).measured().get(0).energyKwh()));
        CapacityPlan priced = new CapacityPlanner(new PlanSettings(Double.NaN, Double.NaN, 0, 2, 0.12), null)
                .plan(twoPools());
        assertEquals("cost", priced.energyCostUnit(), "no price table: no currency to name");
        assertTrue(priced.warnings().stream().anyMatch(w -> w.contains("no measurement has energy_per_sample_j")),
                priced.warnings().toString());
    }
}
