package dev.kubebench.report.analysis.plan;

import java.util.Objects;

/**
 * One measured configuration.
 *
 * @param pool                       node pool name
 * @param gpus                       GPUs used in total, at least 1
 * @param throughputSamplesPerSecond measured training throughput, samples per second, positive
 * @param timeToTrainSeconds         measured time to train in seconds, NaN when not measured
 * @param gpuType                    GPU product (e.g. {@code NVIDIA-H100-80GB-HBM3}) for price lookup; null if unknown
 */
public record Measurement(String pool, int gpus, double throughputSamplesPerSecond, double timeToTrainSeconds,
                          String gpuType) {
    public Measurement {
        Objects.requireNonNull(pool, "pool");
        if (pool.isBlank()) {
            throw new IllegalArgumentException("pool must not be empty");
        }
        if (gpus < 1) {
            throw new IllegalArgumentException("gpus must be at least 1: " + gpus);
        }
        if (!(throughputSamplesPerSecond > 0) || Double.isInfinite(throughputSamplesPerSecond)) {
            throw new IllegalArgumentException("throughput must be positive: " + throughputSamplesPerSecond);
        }
        if (!Double.isNaN(timeToTrainSeconds) && !(timeToTrainSeconds > 0 && Double.isFinite(timeToTrainSeconds))) {
            throw new IllegalArgumentException("time to train must be positive: " + timeToTrainSeconds);
        }
        gpuType = gpuType == null || gpuType.isBlank() ? null : gpuType;
    }
}
