package dev.kubebench.collector.result;

import dev.kubebench.core.trial.TrialState;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of one trial: the content of {@code trials/<n>/result.json} (schema in docs/results.md). The file is
 * flat; the record groups its fields into which trial it is, how it ended and what it measured, and keeps an accessor
 * for every field ({@link #status()}, {@link #metrics()}, {@link #metric(String)}...).
 *
 * <p>Metric names carry their unit: {@code time_to_train_s}, {@code throughput_samples_per_s},
 * {@code step_time_p50_ms}, {@code init_time_s}, {@code scheduling_latency_p50_ms}...
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param identity      which trial of which run
 * @param outcome       how the trial ended
 * @param measurements  what the trial measured
 * @param labels        context for reports: node pool, gpus, replicas, backend...
 * @param warnings      non-fatal problems (noise lines, undecodable lines, missing events)
 * @param telemetry     how the hardware telemetry of the trial was collected (docs/telemetry.md), or null when no
 *                      telemetry was asked for
 */
public record RunResult(
        int schemaVersion,
        Identity identity,
        Outcome outcome,
        Measurements measurements,
        Map<String, String> labels,
        List<String> warnings,
        Telemetry telemetry) {

    public static final int SCHEMA_VERSION = 1;

    public RunResult {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(outcome, "outcome");
        measurements = measurements == null ? Measurements.NONE : measurements;
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels == null ? Map.of() : labels));
        warnings = List.copyOf(warnings == null ? List.of() : warnings);
    }

    /** A result without telemetry. */
    public RunResult(int schemaVersion, Identity identity, Outcome outcome, Measurements measurements,
                     Map<String, String> labels, List<String> warnings) {
        this(schemaVersion, identity, outcome, measurements, labels, warnings, null);
    }

    /**
     * This result with {@code telemetry} and its metrics: the telemetry metrics replace any of the same name (a
     * recollection replaces the earlier numbers), and metrics of an earlier collection that this one did not produce
     * are removed when {@code replaced} names them.
     */
    public RunResult withTelemetry(Telemetry telemetry, Map<String, Double> metrics, List<String> replaced) {
        Map<String, Double> merged = new LinkedHashMap<>(metrics());
        replaced.forEach(merged::remove);
        merged.putAll(metrics);
        Measurements m = new Measurements(merged, accuracyCurve(), throughputSeries(), stepTimeHistogram());
        return new RunResult(schemaVersion, identity, outcome, m, labels, warnings, telemetry);
    }

    /**
     * How a trial's hardware telemetry was collected: the {@code telemetry} object of result.json.
     *
     * @param status   available, partial (some queries failed) or unavailable (no numbers)
     * @param source   where it came from: the Prometheus URL or {@code service ns/name:port}
     * @param reason   why it is unavailable or partial; null when available
     * @param warnings one line per problem (a rejected query with Prometheus' own error, no series found)
     */
    public record Telemetry(TelemetryStatus status, String source, String reason, List<String> warnings) {
        public Telemetry {
            Objects.requireNonNull(status, "status");
            warnings = List.copyOf(warnings == null ? List.of() : warnings);
        }
    }

    /**
     * Which trial a result belongs to.
     *
     * @param benchmark  benchmark name
     * @param runId      run id ({@code yyyyMMdd-HHmmss-<6 hex>})
     * @param trial      trial index
     * @param point      sweep point values
     * @param repetition repetition index (warm-up trials count their own from 0)
     * @param workload   workload id
     * @param warmup     a warm-up trial: kept in the run directory, never in statistics, gates, reports' medians,
     *                   compare, trend or history; every reader of results filters on it
     */
    public record Identity(String benchmark, String runId, int trial, Map<String, Object> point, int repetition,
                           String workload, boolean warmup) {
        public Identity {
            Objects.requireNonNull(benchmark, "benchmark");
            point = Collections.unmodifiableMap(new LinkedHashMap<>(point == null ? Map.of() : point));
        }

        /** A measured (not warm-up) trial. */
        public Identity(String benchmark, String runId, int trial, Map<String, Object> point, int repetition,
                        String workload) {
            this(benchmark, runId, trial, point, repetition, workload, false);
        }
    }

    /**
     * How a trial ended.
     *
     * @param measurement   what success is judged on
     * @param status        how the trial ended; always present
     * @param failureReason why it failed, null on success; always present when status is not succeeded
     * @param targetReached for time-to-train trials whether the quality target was reached; null for throughput trials
     * @param startedAt     when the trial started (submission), may be null if it never started
     * @param finishedAt    when the trial ended
     */
    public record Outcome(MeasurementKind measurement, TrialState status, String failureReason, Boolean targetReached,
                          Instant startedAt, Instant finishedAt) {
        public Outcome {
            Objects.requireNonNull(measurement, "measurement");
            Objects.requireNonNull(status, "status");
            if (status != TrialState.SUCCEEDED && (failureReason == null || failureReason.isBlank())) {
                throw new IllegalArgumentException("a " + status.jsonName() + " trial needs a failure reason");
            }
        }
    }

    /**
     * What a trial measured.
     *
     * @param metrics           metric name → value, in a stable order
     * @param accuracyCurve     evaluations in time order
     * @param throughputSeries  per block/epoch throughput in time order
     * @param stepTimeHistogram the step-time HdrHistogram in its compressed base64 form, or null
     */
    public record Measurements(Map<String, Double> metrics, List<CurvePoint> accuracyCurve,
                               List<ThroughputPoint> throughputSeries, String stepTimeHistogram) {
        /** Nothing measured. */
        public static final Measurements NONE = new Measurements(Map.of(), List.of(), List.of(), null);

        public Measurements {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics == null ? Map.of() : metrics));
            accuracyCurve = List.copyOf(accuracyCurve == null ? List.of() : accuracyCurve);
            throughputSeries = List.copyOf(throughputSeries == null ? List.of() : throughputSeries);
        }
    }

    public String benchmark() {
        return identity.benchmark();
    }

    public String runId() {
        return identity.runId();
    }

    public int trial() {
        return identity.trial();
    }

    public Map<String, Object> point() {
        return identity.point();
    }

    public int repetition() {
        return identity.repetition();
    }

    /** A warm-up trial, to be left out of every statistic. */
    public boolean warmup() {
        return identity.warmup();
    }

    public String workload() {
        return identity.workload();
    }

    public MeasurementKind measurement() {
        return outcome.measurement();
    }

    public TrialState status() {
        return outcome.status();
    }

    public String failureReason() {
        return outcome.failureReason();
    }

    public Boolean targetReached() {
        return outcome.targetReached();
    }

    public Instant startedAt() {
        return outcome.startedAt();
    }

    public Instant finishedAt() {
        return outcome.finishedAt();
    }

    public Map<String, Double> metrics() {
        return measurements.metrics();
    }

    public List<CurvePoint> accuracyCurve() {
        return measurements.accuracyCurve();
    }

    public List<ThroughputPoint> throughputSeries() {
        return measurements.throughputSeries();
    }

    public String stepTimeHistogram() {
        return measurements.stepTimeHistogram();
    }

    /** A metric value, or NaN when absent. */
    public double metric(String name) {
        Double v = metrics().get(name);
        return v == null ? Double.NaN : v;
    }
}
