package dev.kubebench.report.analysis.plan;

import java.util.List;

/**
 * The scaling analysis of one node pool.
 *
 * @param pool              node pool
 * @param gpuType           GPU product when known, else null
 * @param pricePerGpuHour   price used for costs, NaN without one
 * @param samplesToTrain    samples one training run needs (given or derived), NaN when unknown
 * @param fit               the USL fit, null when fewer than three scales were measured
 * @param measured          measured scales, ascending
 * @param projected         projected scales, ascending
 * @param warnings          problems worth a line
 */
public record PoolPlan(String pool, String gpuType, double pricePerGpuHour, double samplesToTrain, UslFit fit,
                       List<ScalePoint> measured, List<ScalePoint> projected, List<String> warnings) {
    public PoolPlan {
        measured = List.copyOf(measured);
        projected = List.copyOf(projected);
        warnings = List.copyOf(warnings);
    }
}
