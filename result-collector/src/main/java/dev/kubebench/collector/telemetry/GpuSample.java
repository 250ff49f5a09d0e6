package dev.kubebench.collector.telemetry;

/**
 * One row of telemetry.csv: one GPU at one step (docs/telemetry.md). NaN where the series was absent.
 *
 * @param timestampMs   epoch milliseconds of the step
 * @param gpu           which GPU
 * @param utilPct       DCGM_FI_DEV_GPU_UTIL, 0..100
 * @param memUsedMib    DCGM_FI_DEV_FB_USED, MiB
 * @param powerW        DCGM_FI_DEV_POWER_USAGE, watts
 */
public record GpuSample(long timestampMs, GpuKey gpu, double utilPct, double memUsedMib, double powerW) {
}
