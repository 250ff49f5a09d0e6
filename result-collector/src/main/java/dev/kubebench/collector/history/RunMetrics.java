package dev.kubebench.collector.history;

import dev.kubebench.catalog.spec.Gate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The metrics of one run's succeeded trials, as {@code compare} and {@code trend} read them: the same shape a run
 * directory gives (trials in order, each trial's metrics in result.json order).
 *
 * @param runId      run id
 * @param benchmark  benchmark name
 * @param startedAt  earliest trial start, or null
 * @param values     one per succeeded trial and metric
 * @param gates      the spec's gates
 */
public record RunMetrics(String runId, String benchmark, Instant startedAt, List<TrialMetric> values,
                         List<Gate> gates) {
    public RunMetrics {
        Objects.requireNonNull(runId, "runId");
        values = List.copyOf(values);
        gates = List.copyOf(gates);
    }

    /**
     * One metric value of one trial.
     *
     * @param trial   trial index
     * @param point   sweep point as {@code key=value,...}, empty without a sweep
     * @param metric  metric name with its unit
     * @param value   the value
     */
    public record TrialMetric(int trial, String point, String metric, double value) {
        public TrialMetric {
            Objects.requireNonNull(point, "point");
            Objects.requireNonNull(metric, "metric");
        }
    }
}
