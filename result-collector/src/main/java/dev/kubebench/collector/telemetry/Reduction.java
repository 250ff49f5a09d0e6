package dev.kubebench.collector.telemetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.DoubleStream;

/**
 * How a range query's series become one number (profiles.json {@code reduce}). Means and percentiles are over every
 * point of every series (GPUs × steps, so each GPU counts by its time); sums are over the series.
 */
public enum Reduction {
    /** the mean of every point. */
    MEAN,
    /** the 10th percentile of every point (nearest rank): how idle the GPUs were at their worst tenth. */
    P10,
    /** the largest point. */
    MAX,
    /** how many distinct series (GPUs) there were. */
    SERIES,
    /** a counter's increase per series, resets handled, summed over the series. */
    INCREASE,
    /** a rate's integral over time per series (trapezoids, in value × seconds), summed over the series. */
    INTEGRAL,
    /** how many times a series changed to a non-zero value (a non-zero first point counts), summed. */
    CHANGES;

    /** The spelling in profiles.json. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reduced value, or NaN when there is no series (or no finite point). */
    public double apply(List<Series> series) {
        List<Series> present = new ArrayList<>();
        for (Series s : series) {
            if (s.points().stream().anyMatch(p -> Double.isFinite(p.value()))) {
                present.add(s);
            }
        }
        if (present.isEmpty()) {
            return Double.NaN;
        }
        return switch (this) {
            case MEAN -> points(present).average().orElse(Double.NaN);
            case P10 -> percentile(points(present).sorted().toArray(), 0.10);
            case MAX -> points(present).max().orElse(Double.NaN);
            case SERIES -> distinct(present);
            case INCREASE -> present.stream().mapToDouble(Reduction::increase).sum();
            case INTEGRAL -> present.stream().mapToDouble(Reduction::integral).sum();
            case CHANGES -> present.stream().mapToDouble(Reduction::changes).sum();
        };
    }

    private static DoubleStream points(List<Series> series) {
        return series.stream().flatMap(s -> s.points().stream()).mapToDouble(Series.Point::value)
                .filter(Double::isFinite);
    }

    private static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static double distinct(List<Series> series) {
        Set<String> gpus = new HashSet<>();
        for (Series s : series) {
            gpus.add(GpuKey.of(s).id());
        }
        return gpus.size();
    }

    private static double increase(Series s) {
        double total = 0;
        double previous = Double.NaN;
        for (Series.Point p : s.points()) {
            if (!Double.isFinite(p.value())) {
                continue;
            }
            if (Double.isFinite(previous)) {
                // a counter that went down was reset: everything since the reset is new
                total += p.value() >= previous ? p.value() - previous : p.value();
            }
            previous = p.value();
        }
        return total;
    }

    private static double integral(Series s) {
        double total = 0;
        Series.Point previous = null;
        for (Series.Point p : s.points()) {
            if (!Double.isFinite(p.value())) {
                previous = null;
                continue;
            }
            if (previous != null) {
                total += (previous.value() + p.value()) / 2 * (p.timestampMs() - previous.timestampMs()) / 1000.0;
            }
            previous = p;
        }
        return total;
    }

    private static double changes(Series s) {
        double[] v = s.points().stream().mapToDouble(Series.Point::value).filter(Double::isFinite).toArray();
        int n = v.length > 0 && v[0] != 0 ? 1 : 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] != v[i - 1] && v[i] != 0) {
                n++;
            }
        }
        return n;
    }

    /** Parses {@link #jsonName()}. */
    static Reduction fromJson(String s) {
        return Arrays.stream(values()).filter(r -> r.jsonName().equals(s)).findFirst()
                .orElseThrow(() -> new IllegalStateException("profiles.json: unknown reduction '" + s + "'"));
    }
}
