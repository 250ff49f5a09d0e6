package dev.kubebench.runner.local;

import java.util.Objects;

/**
 * One GPU at one moment, as {@code nvidia-smi --query-gpu} reports it; a value the GPU does not report
 * ({@code [N/A]}, {@code [Not Supported]}) is null.
 *
 * @param timestampMs  when nvidia-smi read it, epoch milliseconds
 * @param gpu          the GPU's index on this host
 * @param uuid         the GPU's UUID ({@code GPU-...})
 * @param utilPct      GPU utilization, percent of time a kernel ran (0..100)
 * @param memUsedMib   framebuffer memory in use, MiB
 * @param powerW       power draw, watts
 */
record GpuSample(long timestampMs, int gpu, String uuid, Double utilPct, Double memUsedMib, Double powerW) {
    GpuSample {
        Objects.requireNonNull(uuid, "uuid");
        if (gpu < 0) {
            throw new IllegalArgumentException("gpu index must not be negative: " + gpu);
        }
    }
}
