package dev.kubebench.report.analysis.compare;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.report.analysis.stats.MannWhitney;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How to compare.
 *
 * @param alpha             significance level of the Mann–Whitney test, in (0, 1); default 0.05
 * @param confidence        confidence level of the median intervals, in (0, 1); default 0.95
 * @param thresholdPercent  smallest change of the medians, in percent, that counts as a regression or improvement
 * @param gates             per-metric direction and threshold (from the spec or the command line); override the
 *                          defaults for their metric
 * @param directions        per-metric direction overrides ({@code --direction}); win over gates and names
 * @param gatedMetrics      metrics whose regression fails the gate; empty means every compared metric
 */
public record CompareSettings(double alpha, double confidence, double thresholdPercent, List<Gate> gates,
                              Map<String, Direction> directions, Set<String> gatedMetrics) {
    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_CONFIDENCE = 0.95;
    public static final double DEFAULT_THRESHOLD_PERCENT = 5.0;
    /** Fewest samples per side that {@code compare} accepts, as benchstat requires for alpha 0.05. */
    public static final int MIN_SAMPLES = 4;

    public CompareSettings {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
        }
        if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent)) {
            throw new IllegalArgumentException("threshold must be a non-negative percentage: " + thresholdPercent);
        }
        gates = List.copyOf(gates == null ? List.of() : gates);
        directions = Map.copyOf(directions == null ? Map.of() : directions);
        gatedMetrics = Set.copyOf(gatedMetrics == null ? Set.of() : gatedMetrics);
    }

    public static CompareSettings defaults() {
        return new CompareSettings(DEFAULT_ALPHA, DEFAULT_CONFIDENCE, DEFAULT_THRESHOLD_PERCENT, List.of(), Map.of(),
                Set.of());
    }

    /** These settings with more gates appended (later gates for the same metric win). */
    public CompareSettings withGates(List<Gate> more) {
        Map<String, Gate> merged = new LinkedHashMap<>();
        for (Gate g : gates) {
            merged.put(g.metric(), g);
        }
        for (Gate g : more) {
            merged.putIfAbsent(g.metric(), g);
        }
        return new CompareSettings(alpha, confidence, thresholdPercent, List.copyOf(merged.values()), directions,
                gatedMetrics);
    }

    /** The threshold for a metric: its gate's, else the global one. */
    public double thresholdFor(String metric) {
        for (Gate g : gates) {
            if (g.metric().equals(metric)) {
                return g.maxRegressionPercent();
            }
        }
        return thresholdPercent;
    }

    /** Whether a regression of this metric fails the gate. */
    public boolean isGated(String metric) {
        return gatedMetrics.isEmpty() || gatedMetrics.contains(metric);
    }

    /** The smallest per-side sample size with which the test can reach alpha (at least {@link #MIN_SAMPLES}). */
    public int minimumSamples() {
        int n = MIN_SAMPLES;
        while (MannWhitney.minimumPValue(n, n) >= alpha) {
            n++;
        }
        return n;
    }
}
