package dev.kubebench.report.analysis.aggregate;

import dev.kubebench.core.metric.MetricNames;
import java.util.ArrayList;
import java.util.List;

/**
 * The noise of a run's points on its headline metric (throughput, else time to train, else step time p50). Only
 * points with at least {@value #MIN_VALUES} succeeded values are listed: a CV or a fence from two values says nothing.
 */
public final class NoiseReport {
    public static final int MIN_VALUES = 3;
    private static final List<String> HEADLINES = List.of(MetricNames.THROUGHPUT_SAMPLES_PER_S,
            MetricNames.TIME_TO_TRAIN_S, MetricNames.STEP_TIME_P50_MS);

    private NoiseReport() {
    }

    public static List<PointNoise> of(List<SweepPoint> points) {
        for (String metric : HEADLINES) {
            List<PointNoise> out = new ArrayList<>();
            boolean seen = false;
            for (SweepPoint p : points) {
                PointNoise noise = PointNoise.of(p, metric);
                seen |= noise.n() > 0;
                if (noise.n() >= MIN_VALUES) {
                    out.add(noise);
                }
            }
            if (seen) {
                return out;
            }
        }
        return List.of();
    }
}
