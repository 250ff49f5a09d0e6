package dev.kubebench.report.analysis.plan;

/**
 * Options of a capacity plan.
 *
 * @param targetTimeSeconds    time-to-train target in seconds, NaN for none
 * @param samplesToTrain       samples one training run needs, NaN to derive it from measured time to train
 * @param maxProjectedGpus     largest scale to project to, 0 for four times the largest measured scale
 * @param extrapolationWarning warn when a projection reaches beyond this multiple of the largest measured scale
 */
public record PlanSettings(double targetTimeSeconds, double samplesToTrain, int maxProjectedGpus,
                           double extrapolationWarning) {
    public static final double DEFAULT_EXTRAPOLATION_WARNING = 2.0;

    public PlanSettings {
        if (maxProjectedGpus < 0) {
            throw new IllegalArgumentException("max projected GPUs must be non-negative");
        }
        if (!(extrapolationWarning >= 1)) {
            throw new IllegalArgumentException("extrapolation warning factor must be at least 1");
        }
    }

    public static PlanSettings defaults() {
        return new PlanSettings(Double.NaN, Double.NaN, 0, DEFAULT_EXTRAPOLATION_WARNING);
    }
}
