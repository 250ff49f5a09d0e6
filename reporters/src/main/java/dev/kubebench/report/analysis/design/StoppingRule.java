package dev.kubebench.report.analysis.design;

import dev.kubebench.catalog.spec.Repetitions;
import dev.kubebench.report.analysis.stats.Descriptive;
import dev.kubebench.report.analysis.stats.MedianInterval;
import java.util.Arrays;

/**
 * The adaptive-repetitions stopping rule. After each completed trial of a point (in plan order), the confidence
 * interval of the median of the {@code until} metric over the succeeded trials is the order-statistics interval that
 * {@code compare} uses ({@link MedianInterval}, confidence {@value #CONFIDENCE}); the point stops once the interval's
 * full width relative to the median is at or below {@code ciWidth}, or at {@code max} trials. Failed trials count
 * toward {@code max} but give no value. With fewer succeeded trials than a 95% interval needs (6), the widest
 * order-statistics interval, [min, max], stands in; its coverage is 1 − 2<sup>1−n</sup> (50% at n = 2, 75% at 3),
 * reported with the width, so a small {@code min} is a deliberate trade of confidence for GPU-hours.
 */
public final class StoppingRule {
    public static final double CONFIDENCE = 0.95;

    private StoppingRule() {
    }

    /**
     * @param reps    the spec's repetitions
     * @param values  the metric of the point's measured trials in plan order; NaN for a failed trial or one that did
     *                not report the metric
     */
    public static PointStop evaluate(Repetitions reps, double[] values) {
        double[] ok = Arrays.stream(values).filter(Double::isFinite).toArray();
        int trials = values.length;
        int failed = trials - ok.length;
        Interval interval = interval(ok);
        double width = interval.widthPercent();
        StopReason reason;
        if (!reps.adaptive()) {
            reason = trials >= reps.max() ? StopReason.FIXED : StopReason.INCOMPLETE;
        } else if (trials < reps.min()) {
            reason = StopReason.INCOMPLETE;
        } else if (ok.length == 0) {
            reason = StopReason.FAILURES;
        } else if (width <= reps.until().ciWidthPercent()) {
            reason = StopReason.TARGET_REACHED;
        } else if (trials >= reps.max()) {
            reason = StopReason.MAX_REACHED;
        } else {
            reason = StopReason.INCOMPLETE;
        }
        return new PointStop(trials, failed, width, interval.coverage(), reason);
    }

    /** An interval's full width relative to the median, in percent, and its coverage in (0, 1). */
    private record Interval(double widthPercent, double coverage) {
        static final Interval NONE = new Interval(Double.NaN, Double.NaN);
    }

    private static Interval interval(double[] values) {
        if (values.length < 2) {
            return Interval.NONE;
        }
        MedianInterval m = MedianInterval.of(values, CONFIDENCE);
        double median = Math.abs(m.median());
        if (m.hasInterval()) {
            return new Interval(100 * (m.high() - m.low()) / median, CONFIDENCE);
        }
        double[] sorted = Descriptive.sorted(values);
        double range = sorted[sorted.length - 1] - sorted[0];
        return new Interval(100 * range / median, 1 - Math.pow(2, 1 - values.length));
    }
}
