package dev.kubebench.report.chart;

import dev.kubebench.report.GpuUtilPoint;
import dev.kubebench.report.TrialReport;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One trial's GPU utilization over time, x in seconds since its first sample: a line per GPU when it has at most
 * {@link #MAX_GPU_LINES} GPUs, else one band (series {@code median}, y interval from the least to the most busy GPU).
 * Time is cut into at most {@link #MAX_BUCKETS} buckets of at least a second; a GPU's value in a bucket is the mean of
 * its samples there, so the dataset stays bounded however long the trial ran.
 *
 * @param trial   the trial index
 * @param dataset {@link XYSeriesCollection} per GPU, or {@link YIntervalSeriesCollection} for the band
 * @param gpus    how many GPUs reported
 */
public record GpuUtilChart(int trial, XYDataset dataset, int gpus) {
    public static final int MAX_GPU_LINES = 8;
    public static final int MAX_BUCKETS = 400;
    private static final long MIN_BUCKET_MS = 1000;

    /** Whether the dataset is the min/median/max band. */
    public boolean band() {
        return dataset instanceof YIntervalSeriesCollection;
    }

    /** The chart of a trial with GPU telemetry; empty without. */
    public static Optional<GpuUtilChart> of(TrialReport trial) {
        List<GpuUtilPoint> points = trial.gpuUtil();
        if (points.isEmpty()) {
            return Optional.empty();
        }
        long first = points.stream().mapToLong(GpuUtilPoint::timestampMs).min().orElseThrow();
        long last = points.stream().mapToLong(GpuUtilPoint::timestampMs).max().orElseThrow();
        long width = Math.max(MIN_BUCKET_MS, (last - first) / MAX_BUCKETS + 1);
        // gpu -> bucket -> {sum, count}
        Map<String, Map<Long, double[]>> byGpu = new TreeMap<>(GpuUtilChart::byIndex);
        for (GpuUtilPoint p : points) {
            double[] acc = byGpu.computeIfAbsent(p.gpu(), g -> new TreeMap<>())
                    .computeIfAbsent((p.timestampMs() - first) / width, b -> new double[2]);
            acc[0] += p.utilPct();
            acc[1]++;
        }
        XYDataset dataset = byGpu.size() <= MAX_GPU_LINES ? lines(byGpu, width) : band(byGpu.values(), width);
        return Optional.of(new GpuUtilChart(trial.trial(), dataset, byGpu.size()));
    }

    private static XYSeriesCollection lines(Map<String, Map<Long, double[]>> byGpu, long width) {
        XYSeriesCollection d = new XYSeriesCollection();
        byGpu.forEach((gpu, buckets) -> {
            XYSeries s = new XYSeries("GPU " + gpu, true, false);
            buckets.forEach((b, acc) -> s.add(seconds(b, width), acc[0] / acc[1]));
            d.addSeries(s);
        });
        return d;
    }

    private static YIntervalSeriesCollection band(Collection<Map<Long, double[]>> gpus, long width) {
        Map<Long, List<Double>> byBucket = new TreeMap<>();
        for (Map<Long, double[]> buckets : gpus) {
            buckets.forEach((b, acc) -> byBucket.computeIfAbsent(b, k -> new ArrayList<>()).add(acc[0] / acc[1]));
        }
        YIntervalSeries s = new YIntervalSeries("median");
        byBucket.forEach((b, values) -> {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            s.add(seconds(b, width), median, sorted.get(0), sorted.get(n - 1));
        });
        YIntervalSeriesCollection d = new YIntervalSeriesCollection();
        d.addSeries(s);
        return d;
    }

    private static double seconds(long bucket, long width) {
        return bucket * width / 1000.0;
    }

    /** GPU keys in numeric order where they are numbers ({@code 2} before {@code 10}), else by name. */
    private static int byIndex(String a, String b) {
        if (a.matches("\\d{1,9}") && b.matches("\\d{1,9}")) {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        }
        return a.compareTo(b);
    }
}
