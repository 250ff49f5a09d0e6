package dev.kubebench.report.analysis.samples;

import dev.kubebench.core.metric.Direction;
import java.util.Arrays;
import java.util.Objects;

/**
 * Repeated measurements of one metric at one sweep point: the unit the comparison and trend statistics work on,
 * independent of where the values came from (run directories, raw MLPerf logs, or a test).
 *
 * @param metric     metric name with its unit, e.g. {@code time_to_train_s}
 * @param point      the sweep point as {@code key=value,...} in spec order; empty when the benchmark has no sweep
 * @param values     the measurements, one per trial; finite
 * @param direction  which way is better when the source knows it (catalog, gate); null to infer from the name
 */
public record SampleSet(String metric, String point, double[] values, Direction direction) {
    public SampleSet {
        Objects.requireNonNull(metric, "metric");
        point = point == null ? "" : point;
        values = values.clone();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("non-finite sample for " + metric + ": " + v);
            }
        }
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return values.length;
    }

    /** {@code metric} or {@code metric[point]}, for messages and test names. */
    public String label() {
        return point.isEmpty() ? metric : metric + "[" + point + "]";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SampleSet)) {
            return false;
        }
        SampleSet s = (SampleSet) o;
        return metric.equals(s.metric) && point.equals(s.point) && Arrays.equals(values, s.values)
                && direction == s.direction;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, point, Arrays.hashCode(values), direction);
    }

    @Override
    public String toString() {
        return "SampleSet[" + label() + "=" + Arrays.toString(values) + "]";
    }
}
