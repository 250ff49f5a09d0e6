package dev.kubebench.collector.result;

import dev.kubebench.core.trial.TrialState;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one trial: the content of {@code trials/<n>/result.json} (schema in docs/results.md).
 *
 * <p>Metric names carry their unit: {@code time_to_train_s}, {@code throughput_samples_per_s},
 * {@code step_time_p50_ms}, {@code init_time_s}, {@code scheduling_latency_p50_ms}...
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param benchmark      benchmark name
 * @param runId          run id ({@code yyyyMMdd-HHmmss-<6 hex>})
 * @param trial          trial index
 * @param point          sweep point values
 * @param repetition     repetition index
 * @param workload       workload id
 * @param measurement    what success is judged on
 * @param status         how the trial ended; always present
 * @param failureReason  why it failed, null on success; always present when status is not succeeded
 * @param targetReached  for time-to-train trials whether the quality target was reached; null for throughput trials
 * @param startedAt      when the trial started (submission), may be null if it never started
 * @param finishedAt     when the trial ended
 * @param metrics        metric name → value, in a stable order
 * @param accuracyCurve  evaluations in time order
 * @param throughputSeries per block/epoch throughput in time order
 * @param labels         context for reports: node pool, gpus, replicas, backend...
 * @param stepTimeHistogram the step-time HdrHistogram in its compressed base64 form, or null
 * @param warnings       non-fatal problems (noise lines, undecodable lines, missing events)
 */
public record RunResult(
        int schemaVersion,
        String benchmark,
        String runId,
        int trial,
        Map<String, Object> point,
        int repetition,
        String workload,
        MeasurementKind measurement,
        TrialState status,
        String failureReason,
        Boolean targetReached,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Double> metrics,
        List<CurvePoint> accuracyCurve,
        List<ThroughputPoint> throughputSeries,
        Map<String, String> labels,
        String stepTimeHistogram,
        List<String> warnings) {

    public static final int SCHEMA_VERSION = 1;

    public RunResult {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(status, "status");
        if (status != TrialState.SUCCEEDED && (failureReason == null || failureReason.isBlank())) {
            throw new IllegalArgumentException("a " + status.jsonName() + " trial needs a failure reason");
        }
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point == null ? Map.of() : point));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
        accuracyCurve = List.copyOf(accuracyCurve == null ? List.of() : accuracyCurve);
        throughputSeries = List.copyOf(throughputSeries == null ? List.of() : throughputSeries);
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels == null ? Map.of() : labels));
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    /** A metric value, or NaN when absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
