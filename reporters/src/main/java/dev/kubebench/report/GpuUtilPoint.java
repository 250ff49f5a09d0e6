package dev.kubebench.report;

import java.util.Objects;

/**
 * One GPU's utilization at one moment, a row of a trial's {@code telemetry.csv}.
 *
 * @param timestampMs epoch milliseconds
 * @param gpu         which GPU: its index, prefixed with the node ({@code node-a/3}) when the trial saw several nodes
 * @param utilPct     utilization, percent (0..100)
 */
public record GpuUtilPoint(long timestampMs, String gpu, double utilPct) {
    public GpuUtilPoint {
        Objects.requireNonNull(gpu, "gpu");
    }
}
