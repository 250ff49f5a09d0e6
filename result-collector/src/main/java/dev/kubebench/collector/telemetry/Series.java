package dev.kubebench.collector.telemetry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One series of a range query's matrix.
 *
 * @param labels the series' labels (without {@code __name__} when Prometheus dropped it)
 * @param points samples in time order
 */
public record Series(Map<String, String> labels, List<Point> points) {
    public Series {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        points = List.copyOf(points);
    }

    /** A label's value, or null. */
    public String label(String name) {
        return labels.get(name);
    }

    /**
     * One sample.
     *
     * @param timestampMs epoch milliseconds
     * @param value       the sample value (may be NaN when Prometheus says so)
     */
    public record Point(long timestampMs, double value) {
    }
}
