package dev.kubebench.report.analysis.trend;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.catalog.spec.Gate;
import dev.kubebench.report.analysis.samples.Observation;
import dev.kubebench.report.analysis.samples.RunSamples;
import dev.kubebench.report.analysis.stats.Descriptive;
import dev.kubebench.core.metric.MetricDirections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The history of one metric at one sweep point: one value per run (the median of the run's trials), oldest first.
 *
 * @param metric     metric name with its unit
 * @param point      sweep point, empty without a sweep
 * @param direction  which way is better
 * @param runIds     run ids in time order
 * @param startedAt  run start times in the same order (null entries when unknown)
 * @param values     per-run medians in the same order
 */
public record TrendSeries(String metric, String point, Direction direction, List<String> runIds,
                          List<Instant> startedAt, double[] values) {
    public TrendSeries {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        point = point == null ? "" : point;
        runIds = List.copyOf(runIds);
        startedAt = Collections.unmodifiableList(new ArrayList<>(startedAt));
        values = values.clone();
        if (runIds.size() != values.length || startedAt.size() != values.length) {
            throw new IllegalArgumentException("runIds, startedAt and values must have the same length");
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public String label() {
        return point.isEmpty() ? metric : metric + "[" + point + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrendSeries && label().equals(((TrendSeries) o).label())
                && Arrays.equals(values, ((TrendSeries) o).values) && runIds.equals(((TrendSeries) o).runIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label(), runIds, Arrays.hashCode(values));
    }

    /**
     * One series per metric and sweep point from runs; runs are ordered by start time (unknown times keep their
     * input order, after known ones). {@code directions} override the per-metric direction; then gates, the source,
     * the name; lower is better when nothing says.
     */
    public static List<TrendSeries> of(List<RunSamples> runs, Map<String, Direction> directions) {
        List<RunSamples> ordered = new ArrayList<>(runs);
        ordered.sort(Comparator.comparing(RunSamples::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
        Map<String, List<Integer>> runIndexesByKey = new LinkedHashMap<>();
        Map<String, List<Double>> valuesByKey = new LinkedHashMap<>();
        Map<String, Observation> firstByKey = new LinkedHashMap<>();
        Map<String, Direction> sourceDirection = new LinkedHashMap<>();
        Map<String, Direction> gateDirection = new LinkedHashMap<>();
        for (int r = 0; r < ordered.size(); r++) {
            RunSamples run = ordered.get(r);
            for (Gate g : run.gates()) {
                if (g.direction() != null) {
                    gateDirection.putIfAbsent(g.metric(), g.direction());
                }
            }
            Map<String, List<Double>> perRun = new LinkedHashMap<>();
            for (Observation o : run.observations()) {
                String key = o.metric() + "\u0000" + o.point();
                perRun.computeIfAbsent(key, k -> new ArrayList<>()).add(o.value());
                firstByKey.putIfAbsent(key, o);
                if (o.direction() != null) {
                    sourceDirection.putIfAbsent(o.metric(), o.direction());
                }
            }
            for (Map.Entry<String, List<Double>> e : perRun.entrySet()) {
                double[] v = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
                runIndexesByKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(r);
                valuesByKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(Descriptive.median(v));
            }
        }
        List<TrendSeries> out = new ArrayList<>();
        for (Map.Entry<String, Observation> e : firstByKey.entrySet()) {
            Observation first = e.getValue();
            String metric = first.metric();
            Direction dir = directions.getOrDefault(metric, gateDirection.getOrDefault(metric,
                    sourceDirection.getOrDefault(metric, MetricDirections.infer(metric).orElse(Direction.LOWER))));
            List<Integer> idx = runIndexesByKey.get(e.getKey());
            List<String> ids = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            for (int i : idx) {
                ids.add(ordered.get(i).runId());
                times.add(ordered.get(i).startedAt());
            }
            double[] values = valuesByKey.get(e.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            out.add(new TrendSeries(metric, first.point(), dir, ids, times, values));
        }
        return out;
    }
}
