package dev.kubebench.report.analysis.aggregate;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.trial.TrialState;
import dev.kubebench.report.TrialReport;
import dev.kubebench.report.analysis.stats.Descriptive;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How noisy one metric is at one sweep point: the coefficient of variation over the succeeded trials, the trials
 * outside Tukey's fences (below Q1 − 1.5·IQR or above Q3 + 1.5·IQR), and, when the CV exceeds
 * {@value #WARN_CV_PERCENT}%, a warning naming the likely cause that the data shows: the trial furthest from the
 * median, and whether its scheduling latency, queue time or start-up time, or a label such as its node, differed.
 *
 * @param point      the point's display label
 * @param metric     the metric
 * @param n          succeeded trials with a value
 * @param cvPercent  sample standard deviation over mean, in percent; NaN below two values
 * @param outliers   trial indices outside the fences, in trial order
 * @param warning    the warning when the CV is above the threshold, else null
 */
public record PointNoise(String point, String metric, int n, double cvPercent, List<Integer> outliers, String warning) {
    public static final double WARN_CV_PERCENT = 10.0;
    /** What a trial's slowness is checked against, in order: metric and how it reads in the warning. */
    private static final String[][] CAUSES = {
        {"scheduling_latency_p50_ms", "scheduling latency"},
        {"queue_time_s", "queue time"},
        {"startup_latency_p50_ms", "start-up latency"},
        {"init_time_s", "init time"},
    };
    private static final List<String> LOCATION_LABELS = List.of("node", "kubernetes.io/hostname", "node_pool");

    public PointNoise {
        Objects.requireNonNull(metric, "metric");
        outliers = List.copyOf(outliers);
    }

    public static PointNoise of(SweepPoint point, String metric) {
        List<TrialReport> measured = new ArrayList<>();
        for (TrialReport t : point.trials()) {
            if (t.result().status() == TrialState.SUCCEEDED && Double.isFinite(t.result().metric(metric))) {
                measured.add(t);
            }
        }
        double[] v = measured.stream().mapToDouble(t -> t.result().metric(metric)).toArray();
        if (v.length < 2) {
            return new PointNoise(point.label(), metric, v.length, Double.NaN, List.of(), null);
        }
        double cv = 100 * stdev(v) / Math.abs(mean(v));
        List<Integer> outliers = new ArrayList<>();
        if (v.length >= 4) {
            double[] s = Descriptive.sorted(v);
            double q1 = quantile(s, 0.25);
            double q3 = quantile(s, 0.75);
            double iqr = q3 - q1;
            for (TrialReport t : measured) {
                double x = t.result().metric(metric);
                if (x < q1 - 1.5 * iqr || x > q3 + 1.5 * iqr) {
                    outliers.add(t.trial());
                }
            }
        }
        String warning = cv > WARN_CV_PERCENT ? warning(metric, cv, measured, v) : null;
        return new PointNoise(point.label(), metric, v.length, cv, outliers, warning);
    }

    private static String warning(String metric, double cv, List<TrialReport> measured, double[] v) {
        double median = Descriptive.median(v);
        TrialReport furthest = measured.get(0);
        for (TrialReport t : measured) {
            if (distance(t.result().metric(metric), median) > distance(furthest.result().metric(metric), median)) {
                furthest = t;
            }
        }
        RunResult r = furthest.result();
        double ratio = r.metric(metric) / median;
        String head = "CV " + Numbers.fixed(cv, 1) + "% > " + Numbers.fixed(WARN_CV_PERCENT, 0) + "%: trial "
                + r.trial() + " " + metric + " " + Numbers.rounded(r.metric(metric), 3) + " is "
                + (ratio >= 1 ? Numbers.fixed(ratio, 1) + "x" : Numbers.fixed(1 / ratio, 1) + "x below")
                + " the median " + Numbers.rounded(median, 3);
        for (String[] cause : CAUSES) {
            double own = r.metric(cause[0]);
            double others = othersMedian(measured, furthest, cause[0]);
            if (own > 0 && others >= 0 && own >= 2 * others) {
                return head + ", and its " + cause[1] + " was " + (others > 0 ? Numbers.fixed(own / others, 1)
                        + "x longer" : "longer") + " (" + Numbers.rounded(own, 3) + " vs " + Numbers.rounded(others, 3)
                        + "): likely contention for the cluster, not the workload";
            }
        }
        for (String label : LOCATION_LABELS) {
            String own = r.labels().get(label);
            if (own != null && measured.stream()
                    .noneMatch(t -> t.result() != r && own.equals(t.result().labels().get(label)))) {
                return head + ", and it ran on a different " + label + " (" + own + ") than the other trials";
            }
        }
        return head + "; no cause visible in the data (scheduling, queue and start-up times were alike)";
    }

    private static double othersMedian(List<TrialReport> measured, TrialReport except, String metric) {
        double[] v = measured.stream().filter(t -> t != except).mapToDouble(t -> t.result().metric(metric))
                .filter(Double::isFinite).toArray();
        return v.length == 0 ? Double.NaN : Descriptive.median(v);
    }

    private static double distance(double x, double median) {
        return Math.abs(Math.log(x / median));
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    private static double stdev(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** Linear interpolation between order statistics (type 7, as R and NumPy default). */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
