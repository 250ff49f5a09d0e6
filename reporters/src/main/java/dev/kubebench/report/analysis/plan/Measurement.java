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
 * @param energyPerSampleJoules      measured GPU energy per sample ({@code energy_per_sample_j}), joules; NaN when not
 *                                   measured
 */
public record Measurement(String pool, int gpus, double throughputSamplesPerSecond, double timeToTrainSeconds,
                          String gpuType, double energyPerSampleJoules) {
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
        if (!Double.isNaN(energyPerSampleJoules) && !(energyPerSampleJoules > 0 && Double.isFinite(energyPerSampleJoules))) {
            throw new IllegalArgumentException("energy per sample must be positive: " + energyPerSampleJoules);
        }
    }

    /** A measurement without energy. */
    public Measurement(String pool, int gpus, double throughputSamplesPerSecond, double timeToTrainSeconds,
                       String gpuType) {
        this(pool, gpus, throughputSamplesPerSecond, timeToTrainSeconds, gpuType, Double.NaN);
    }
}
