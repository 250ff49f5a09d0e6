package dev.kubebench.collector.telemetry;

import dev.kubebench.collector.result.RunResult;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What telemetry collection found for one trial.
 *
 * @param metrics   metric name → value (only the values that could be computed)
 * @param telemetry status, source, reason and warnings for result.json
 * @param samples   the per-GPU time series for telemetry.csv, in time order
 * @param requests  how many requests it took
 */
public record TrialTelemetry(Map<String, Double> metrics, RunResult.Telemetry telemetry, List<GpuSample> samples,
                             int requests) {
    public TrialTelemetry {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        samples = List.copyOf(samples);
    }
}
