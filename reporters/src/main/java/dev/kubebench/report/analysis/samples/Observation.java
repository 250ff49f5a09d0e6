package dev.kubebench.report.analysis.samples;

import dev.kubebench.core.metric.Direction;
import java.util.Objects;

/**
 * One measured value: one metric of one trial.
 *
 * @param metric     metric name with its unit
 * @param point      sweep point as {@code key=value,...}; empty without a sweep
 * @param value      the value, finite
 * @param direction  which way is better when known at the source, else null
 */
public record Observation(String metric, String point, double value, Direction direction) {
    public Observation {
        Objects.requireNonNull(metric, "metric");
        point = point == null ? "" : point;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("non-finite value for " + metric);
        }
    }
}
