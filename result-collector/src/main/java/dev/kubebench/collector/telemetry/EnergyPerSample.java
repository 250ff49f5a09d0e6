package dev.kubebench.collector.telemetry;

import dev.kubebench.core.metric.MetricNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code energy_per_sample_j}: the GPUs' energy over the trial's window divided by the samples the trial processed
 * in it, estimated as its throughput times the window. The window includes start-up, when no samples are
 * processed but the GPUs draw power, so a trial that starts slowly costs more per sample, as it does in fact.
 */
public final class EnergyPerSample {
    private EnergyPerSample() {
    }

    /**
     * Adds the metric when the trial has {@code gpu_energy_j}, a positive throughput and a window, and does not have
     * the metric yet (a collector that knows the samples processed exactly sets it first).
     */
    public static void add(Map<String, Double> metrics, Instant startedAt, Instant finishedAt) {
        Double joules = metrics.get(MetricNames.GPU_ENERGY_J);
        Double throughput = metrics.get(MetricNames.THROUGHPUT_SAMPLES_PER_S);
        if (joules == null || throughput == null || throughput <= 0 || startedAt == null || finishedAt == null) {
            return;
        }
        double seconds = Duration.between(startedAt, finishedAt).toNanos() / 1e9;
        if (seconds > 0) {
            metrics.putIfAbsent(MetricNames.ENERGY_PER_SAMPLE_J, joules / (throughput * seconds));
        }
    }
}
