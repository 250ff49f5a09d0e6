package dev.kubebench.report.chart;

import dev.kubebench.core.timeline.EventKind;

import dev.kubebench.collector.result.CurvePoint;
import dev.kubebench.collector.result.RunResult;
import dev.kubebench.report.RunReport;
import dev.kubebench.core.timeline.TimelineEvent;
import dev.kubebench.report.TrialReport;
import dev.kubebench.core.metric.MetricNames;
import dev.kubebench.report.analysis.aggregate.MetricSummary;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.aggregate.SweepPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the report charts' datasets from a run, separately from rendering so that tests check values and series.
 * Every dataset is bounded whatever the number of trials: at most {@link #MAX_POINTS} sweep points,
 * {@link #MAX_CURVES} accuracy curves of at most {@link #MAX_CURVE_POINTS} points each, {@link #MAX_PODS} timeline
 * rows and {@link #MAX_SERIES} step-time series.
 */
public final class ChartDatasets {
    public static final int MAX_POINTS = 60;
    public static final int MAX_CURVES = 40;
    public static final int MAX_CURVE_POINTS = 400;
    public static final int MAX_PODS = 60;
    public static final int MAX_SERIES = 12;

    /** Timeline phases, in series order. */
    public static final List<String> PHASES = List.of("queued", "starting", "running");

    /** Sweep parameters or labels that mean "scale", in order of preference. */
    public static final List<String> SCALE_KEYS = List.of("gpus", "total_gpus", "num_gpus", "gpu", "replicas",
            "workers", "nodes", "num_nodes", "world_size");

    private static final double ROW_HALF_HEIGHT = 0.35;
    private static final int MAX_POD_LABEL = 40;

    private ChartDatasets() {
    }

    /** Throughput per sweep point: series {@code min}, {@code median}, {@code max}; columns = point labels. */
    public static DefaultCategoryDataset throughputByPoint(List<SweepPoint> points) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (SweepPoint p : points.subList(0, Math.min(points.size(), MAX_POINTS))) {
            MetricSummary s = p.summary(MetricNames.THROUGHPUT_SAMPLES_PER_S);
            if (s.n() > 0) {
                d.addValue(s.min(), "min", p.label());
                d.addValue(s.median(), "median", p.label());
                d.addValue(s.max(), "max", p.label());
            }
        }
        return d;
    }

    /**
     * Accuracy against elapsed minutes since run_start, one series per trial ({@code trial <n> (<point>)}) with a
     * curve; when a trial logs several sub-metrics, the one of its first evaluation. Long curves are thinned evenly,
     * keeping the last evaluation.
     */
    public static XYSeriesCollection accuracyCurves(RunReport report) {
        XYSeriesCollection d = new XYSeriesCollection();
        for (TrialReport t : report.trials()) {
            List<CurvePoint> curve = t.result().accuracyCurve();
            if (curve.isEmpty()) {
                continue;
            }
            if (d.getSeriesCount() == MAX_CURVES) {
                break;
            }
            String metric = curve.get(0).metric();
            List<CurvePoint> same = curve.stream()
                    .filter(c -> metric == null ? c.metric() == null : metric.equals(c.metric())).toList();
            XYSeries s = new XYSeries(trialKey(t.result()), false, true);
            int stride = (same.size() + MAX_CURVE_POINTS - 1) / MAX_CURVE_POINTS;
            for (int i = 0; i < same.size(); i++) {
                if (i % stride == 0 || i == same.size() - 1) {
                    s.add(same.get(i).elapsedMs() / 60_000.0, same.get(i).value(), false);
                }
            }
            d.addSeries(s);
        }
        return d;
    }

    /** Median step-time percentiles per point: series = point label, columns = p50, p90, p99, p99.9, max. */
    public static DefaultCategoryDataset stepTimePercentiles(List<SweepPoint> points) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        int series = 0;
        for (SweepPoint p : points) {
            if (series == MAX_SERIES) {
                break;
            }
            boolean any = false;
            for (int i = 0; i < MetricNames.STEP_TIME_PERCENTILES.size(); i++) {
                MetricSummary s = p.summary(MetricNames.STEP_TIME_PERCENTILES.get(i));
                if (s.n() > 0) {
                    d.addValue(s.median(), p.label(), MetricNames.STEP_TIME_LABELS.get(i));
                    any = true;
                }
            }
            if (any) {
                series++;
            }
        }
        return d;
    }

    /**
     * Per-pod phases from the timelines: queued from the trial's {@code submitted} event to the pod's
     * {@code pod_scheduled}, starting until {@code pod_started} (or {@code pod_ready}), running until the trial's
     * {@code finished} (or its last event). A pod never scheduled is queued until the end. Trials without pod events
     * get one row for the trial, using {@code admitted} and {@code run_start} for the phase boundaries. x = seconds
     * since the earliest event shown.
     */
    public static PodTimeline podTimeline(RunReport report) {
        List<String> labels = new ArrayList<>();
        List<Instant[]> phases = new ArrayList<>();
        int total = 0;
        for (TrialReport t : report.trials()) {
            if (t.events().isEmpty()) {
                continue;
            }
            Map<String, Instant[]> pods = podPhases(t.events());
            total += pods.size();
            for (Map.Entry<String, Instant[]> e : pods.entrySet()) {
                if (labels.size() < MAX_PODS) {
                    labels.add(rowLabel(t.trial(), e.getKey()));
                    phases.add(e.getValue());
                }
            }
        }
        Instant origin = phases.stream().map(p -> p[0]).min(Instant::compareTo).orElse(Instant.EPOCH);
        List<XYIntervalSeries> series = new ArrayList<>();
        PHASES.forEach(name -> series.add(new XYIntervalSeries(name, false, true)));
        for (int row = 0; row < phases.size(); row++) {
            Instant[] p = phases.get(row);
            for (int phase = 0; phase < PHASES.size(); phase++) {
                if (p[phase] != null && p[phase + 1] != null && !p[phase + 1].isBefore(p[phase])) {
                    double from = seconds(origin, p[phase]);
                    double to = seconds(origin, p[phase + 1]);
                    series.get(phase).add(from, from, to, row, row - ROW_HALF_HEIGHT, row + ROW_HALF_HEIGHT);
                }
            }
        }
        XYIntervalSeriesCollection d = new XYIntervalSeriesCollection();
        series.forEach(d::addSeries);
        return new PodTimeline(d, labels, total);
    }

    /** Boundaries per pod: [queued from, scheduled, started, end]; nulls where unknown. */
    private static Map<String, Instant[]> podPhases(List<TimelineEvent> events) {
        Instant submitted = first(events, null, EventKind.SUBMITTED);
        Instant end = first(events, null, EventKind.FINISHED);
        Instant last = events.get(events.size() - 1).time();
        Instant start = submitted != null ? submitted : events.get(0).time();
        Instant stop = end != null ? end : last;
        Map<String, Instant[]> pods = new LinkedHashMap<>();
        for (TimelineEvent e : events) {
            if (e.pod() != null && !pods.containsKey(e.pod())) {
                Instant scheduled = first(events, e.pod(), EventKind.POD_SCHEDULED);
                Instant started = first(events, e.pod(), EventKind.POD_STARTED);
                if (started == null) {
                    started = first(events, e.pod(), EventKind.POD_READY);
                }
                pods.put(e.pod(), boundaries(start, scheduled, started, stop));
            }
        }
        if (pods.isEmpty()) {
            Instant running = first(events, null, EventKind.RUN_START);
            if (running == null) {
                running = first(events, null, EventKind.FIRST_LOG_LINE);
            }
            pods.put("(trial)", boundaries(start, first(events, null, EventKind.ADMITTED), running, stop));
        }
        return pods;
    }

    private static Instant[] boundaries(Instant queued, Instant scheduled, Instant started, Instant end) {
        if (scheduled == null && started == null) {
            return new Instant[] {queued, end, null, null};
        }
        if (scheduled == null) {
            scheduled = started;
        }
        return new Instant[] {queued, scheduled, started == null ? end : started, started == null ? null : end};
    }

    /** The first event with this name (for this pod, or any pod when {@code pod} is null). */
    private static Instant first(List<TimelineEvent> events, String pod, EventKind kind) {
        for (TimelineEvent e : events) {
            if (e.is(kind) && (pod == null || pod.equals(e.pod()))) {
                return e.time();
            }
        }
        return null;
    }

    /**
     * The scaling chart, when the sweep varies a scale ({@link #SCALE_KEYS}, from the point or the trial labels) over
     * at least two values and the metric (throughput, else time to train) was measured. Points that differ in other
     * parameters form separate series (at most {@link #MAX_SERIES}; a series needs two scales, points without the
     * scale are left out); the ideal line scales the first series' value at its smallest scale linearly (throughput
     * up, time to train down).
     */
    public static Optional<Scaling> scaling(List<SweepPoint> points) {
        String metric = points.stream().anyMatch(p -> p.summary(MetricNames.THROUGHPUT_SAMPLES_PER_S).n() > 0)
                ? MetricNames.THROUGHPUT_SAMPLES_PER_S : MetricNames.TIME_TO_TRAIN_S;
        for (String key : SCALE_KEYS) {
            Map<String, TreeMap<Double, Double>> groups = new LinkedHashMap<>();
            for (SweepPoint p : points) {
                Double x = scale(p, key);
                MetricSummary s = p.summary(metric);
                if (x != null && s.n() > 0) {
                    groups.computeIfAbsent(rest(p, key), k -> new TreeMap<>()).put(x, s.median());
                }
            }
            groups.values().removeIf(g -> g.size() < 2);
            if (groups.isEmpty()) {
                continue;
            }
            XYSeriesCollection d = new XYSeriesCollection();
            TreeMap<Double, Double> firstGroup = null;
            for (Map.Entry<String, TreeMap<Double, Double>> g : groups.entrySet()) {
                if (d.getSeriesCount() == MAX_SERIES) {
                    break;
                }
                XYSeries s = new XYSeries(g.getKey().isEmpty() ? "measured (median)" : g.getKey(), true, false);
                g.getValue().forEach(s::add);
                d.addSeries(s);
                if (firstGroup == null) {
                    firstGroup = g.getValue();
                }
            }
            XYSeries ideal = new XYSeries("ideal (linear)", true, false);
            double x0 = firstGroup.firstKey();
            double y0 = firstGroup.firstEntry().getValue();
            boolean higherIsBetter = metric.equals(MetricNames.THROUGHPUT_SAMPLES_PER_S);
            for (double x : firstGroup.keySet()) {
                ideal.add(x, higherIsBetter ? y0 * x / x0 : y0 * x0 / x);
            }
            d.addSeries(ideal);
            return Optional.of(new Scaling(d, key, metric));
        }
        return Optional.empty();
    }

    private static Double scale(SweepPoint p, String key) {
        Object v = p.values().get(key);
        if (v == null) {
            v = p.trials().get(0).result().labels().get(key);
        }
        double d;
        if (v instanceof Number) {
            d = ((Number) v).doubleValue();
        } else if (v instanceof String) {
            try {
                d = Double.parseDouble((String) v);
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        // A scale is a positive count; anything else cannot anchor the ideal line.
        return d > 0 && Double.isFinite(d) ? d : null;
    }

    private static String rest(SweepPoint p, String key) {
        Map<String, Object> rest = new LinkedHashMap<>(p.values());
        rest.remove(key);
        return rest.isEmpty() ? "" : Numbers.pointLabel(rest);
    }

    /** {@code #<trial> <pod>}, the pod name cut from the left (its end tells replicas apart) to keep the axis narrow. */
    static String rowLabel(int trial, String pod) {
        String p = pod.length() > MAX_POD_LABEL ? "…" + pod.substring(pod.length() - MAX_POD_LABEL + 1) : pod;
        return "#" + trial + " " + p;
    }

    private static String trialKey(RunResult r) {
        return "trial " + r.trial() + (r.point().isEmpty() ? "" : " (" + Numbers.pointLabel(r.point()) + ")");
    }

    private static double seconds(Instant origin, Instant t) {
        return Duration.between(origin, t).toMillis() / 1000.0;
    }
}
