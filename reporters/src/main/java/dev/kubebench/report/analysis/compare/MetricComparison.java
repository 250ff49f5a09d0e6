package dev.kubebench.report.analysis.compare;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.report.analysis.stats.MannWhitney;
import dev.kubebench.report.analysis.stats.MedianInterval;
import java.util.Objects;

/**
 * One row of a comparison: a metric at a sweep point.
 *
 * @param metric            metric name with its unit
 * @param point             sweep point, empty without a sweep
 * @param direction         which way is better
 * @param directionSource   where the direction came from: {@code option}, {@code gate}, {@code source}, {@code name}
 *                          or {@code assumed}
 * @param baseline          baseline median and interval; null when the metric is missing in the baseline
 * @param candidate         candidate median and interval; null when missing in the candidate
 * @param changePercent     (candidate median / baseline median − 1) · 100; NaN when either is missing or zero
 * @param test              the Mann–Whitney result; null when a side has too few samples
 * @param verdict           the outcome
 * @param thresholdPercent  the threshold applied, in percent
 * @param gated             whether a regression here fails the gate
 * @param note              why, in a few words (e.g. "need 2 more candidate runs"); empty when nothing to add
 */
public record MetricComparison(String metric, String point, Direction direction, String directionSource,
                               MedianInterval baseline, MedianInterval candidate, double changePercent,
                               MannWhitney.Result test, Verdict verdict, double thresholdPercent, boolean gated,
                               String note) {
    public MetricComparison {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(verdict, "verdict");
        point = point == null ? "" : point;
        note = note == null ? "" : note;
    }

    /** The p-value, NaN without a test. */
    public double pValue() {
        return test == null ? Double.NaN : test.pValue();
    }

    /** {@code metric} or {@code metric[point]}. */
    public String label() {
        return point.isEmpty() ? metric : metric + "[" + point + "]";
    }

    /** True when this row fails the gate. */
    public boolean failsGate(boolean failOnInsufficient) {
        return gated && (verdict == Verdict.REGRESSION || failOnInsufficient && verdict == Verdict.INSUFFICIENT);
    }
}
