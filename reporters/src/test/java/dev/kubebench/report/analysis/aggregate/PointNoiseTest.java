package dev.kubebench.report.analysis.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kubebench.collector.result.MeasurementKind;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.RunReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointNoiseTest {
    private static RunResult trial(int index, boolean warmup, double throughput, double schedulingMs) {
        return new RunResult(RunResult.SCHEMA_VERSION,
                new RunResult.Identity("b", "20261128-120000-abc123", index, Map.of("workers", 1), index, "w", warmup),
                new RunResult.Outcome(MeasurementKind.THROUGHPUT, TrialState.SUCCEEDED, null, null,
                        Instant.EPOCH, Instant.EPOCH),
                new RunResult.Measurements(Map.of("throughput_samples_per_s", throughput,
                        "scheduling_latency_p50_ms", schedulingMs), List.of(), List.of(), null), Map.of(), List.of());
    }

    private static SweepPoint point(List<RunResult> results) {
        List<SweepPoint> points = SweepPoints.of(RunReport.of("b", "r", "", results, Map.of()));
        assertEquals(1, points.size());
        return points.get(0);
    }

    @Test
    void quietPointHasALowCvNoOutliersAndNoWarning() {
        List<RunResult> results = new ArrayList<>();
        double[] v = {1000, 1010, 990, 1005, 995};
        for (int i = 0; i < v.length; i++) {
            results.add(trial(i, false, v[i], 200));
        }
        PointNoise noise = PointNoise.of(point(results), "throughput_samples_per_s");
        assertEquals(5, noise.n());
        assertTrue(noise.cvPercent() < 1.5, String.valueOf(noise.cvPercent()));
        assertEquals(List.of(), noise.outliers());
        assertNull(noise.warning());
    }

    @Test
    void oneTrialThreeTimesSlowerWithLongSchedulingIsAnOutlierAndNamedAsTheCause() {
        List<RunResult> results = new ArrayList<>();
        results.add(trial(0, true, 10, 200)); // a warm-up: in no point, no statistic
        double[] v = {1000, 1010, 333, 1005, 995};
        for (int i = 0; i < v.length; i++) {
            results.add(trial(i + 1, false, v[i], i == 2 ? 9000 : 200));
        }
        SweepPoint p = point(results);
        assertEquals(5, p.trials().size());
        PointNoise noise = PointNoise.of(p, "throughput_samples_per_s");
        assertTrue(noise.cvPercent() > 10);
        assertEquals(List.of(3), noise.outliers());
        assertTrue(noise.warning().contains("trial 3") && noise.warning().contains("3.0x below")
                && noise.warning().contains("scheduling latency was 45.0x longer"), noise.warning());
        assertEquals(List.of(noise), NoiseReport.of(List.of(p)));
    }
}
