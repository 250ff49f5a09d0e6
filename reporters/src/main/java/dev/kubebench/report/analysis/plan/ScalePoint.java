package dev.kubebench.report.analysis.plan;

/**
 * One configuration of a pool, measured or projected from the USL fit.
 *
 * @param pool                  node pool
 * @param gpus                  GPU count
 * @param projected             false for a measured scale, true for a USL projection
 * @param throughput            samples per second (the median of repeated measurements at this scale, or the fit)
 * @param throughputLow         lower end of the ≈95 % band of a projection (fit ± 1.96 standard errors); NaN if measured
 * @param throughputHigh        upper end of that band; NaN if measured
 * @param throughputPerGpu      throughput / gpus
 * @param speedup               throughput / throughput at the smallest measured scale
 * @param efficiency            speedup / (gpus / smallest measured scale), 1 = perfectly linear
 * @param timeToTrainSeconds    measured, or samples to train / throughput; NaN when unknown
 * @param gpuHours              gpus · time to train in hours; NaN when the time is unknown
 * @param cost                  gpuHours · price per GPU-hour; NaN without a price
 * @param extrapolated          true when a projection lies beyond the warning multiple of the measured range
 * @param energyPerSampleJoules GPU energy per sample, joules: measured (the median at this scale), or the pool's
 *                              measured power per GPU times the GPU count over the throughput; NaN when the pool has
 *                              no energy measurements
 * @param energyKwh             energy of one training run (samples to train times energy per sample), kWh; NaN
 *                              when either is unknown
 * @param energyCost            energyKwh times the electricity price; NaN without a price
 */
public record ScalePoint(String pool, int gpus, boolean projected, double throughput, double throughputLow,
                         double throughputHigh, double throughputPerGpu, double speedup, double efficiency,
                         double timeToTrainSeconds, double gpuHours, double cost, boolean extrapolated,
                         double energyPerSampleJoules, double energyKwh, double energyCost) {
}
