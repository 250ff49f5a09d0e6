package dev.kubebench.report.analysis.design;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kubebench.catalog.spec.Repetitions;
import org.junit.jupiter.api.Test;

class StoppingRuleTest {
    private static final Repetitions ADAPTIVE = new Repetitions(2, 6,
            new Repetitions.Until("throughput_samples_per_s", 50));

    @Test
    void stopsAtMinWhenTheRangeIsWithinTheTarget() {
        PointStop stop = StoppingRule.evaluate(ADAPTIVE, new double[] {1000, 1100});
        assertEquals(StopReason.TARGET_REACHED, stop.reason());
        assertEquals(0.5, stop.coverage(), 1e-12, "[min, max] of two values covers the median with 50%");
    }

    @Test
    void failedTrialsCountTowardMaxButGiveNoValue() {
        assertEquals(StopReason.INCOMPLETE, StoppingRule.evaluate(ADAPTIVE, new double[] {1000, Double.NaN}).reason());
        PointStop atMax = StoppingRule.evaluate(ADAPTIVE, new double[] {100, Double.NaN, 1000, 300, 900, 50});
        assertEquals(StopReason.MAX_REACHED, atMax.reason());
        assertEquals(1, atMax.failed());
        assertEquals(StopReason.FAILURES, StoppingRule.evaluate(ADAPTIVE,
                new double[] {Double.NaN, Double.NaN}).reason());
    }

    @Test
    void fixedRepetitionsAreFixed() {
        assertEquals(StopReason.FIXED, StoppingRule.evaluate(Repetitions.fixed(3), new double[] {1, 2, 3}).reason());
    }
}
