package dev.kubebench.catalog.spec;

import dev.kubebench.core.metric.Direction;

import java.util.Objects;

/**
 * A regression gate on one metric.
 *
 * @param metric                 result metric name, e.g. {@code time_to_train_s}
 * @param direction              which way is better; null to take it from the metric's name/catalog
 * @param maxRegressionPercent   largest tolerated change in the bad direction, in percent (5 for {@code 5%})
 */
public record Gate(String metric, Direction direction, double maxRegressionPercent) {
    public Gate {
        Objects.requireNonNull(metric, "metric");
        if (maxRegressionPercent < 0 || !Double.isFinite(maxRegressionPercent)) {
            throw new IllegalArgumentException("maxRegression must be a non-negative percentage");
        }
    }
}
