package dev.kubebench.report.analysis.plan;

/**
 * Options of a capacity plan.
 *
 * @param targetTimeSeconds    time-to-train target in seconds, NaN for none
 * @param samplesToTrain       samples one training run needs, NaN to derive it from measured time to train
 * @param maxProjectedGpus     largest scale to project to, 0 for four times the largest measured scale
 * @param extrapolationWarning warn when a projection reaches beyond this multiple of the largest measured scale
 * @param energyPricePerKwh    electricity price per kWh, in the price table's currency; NaN for none
 */
public record PlanSettings(double targetTimeSeconds, double samplesToTrain, int maxProjectedGpus,
                           double extrapolationWarning, double energyPricePerKwh) {
    public static final double DEFAULT_EXTRAPOLATION_WARNING = 2.0;

    public PlanSettings {
        if (maxProjectedGpus < 0) {
            throw new IllegalArgumentException("max projected GPUs must be non-negative");
        }
        if (!(extrapolationWarning >= 1)) {
            throw new IllegalArgumentException("extrapolation warning factor must be at least 1");
        }
        if (!Double.isNaN(energyPricePerKwh) && !(energyPricePerKwh >= 0 && Double.isFinite(energyPricePerKwh))) {
            throw new IllegalArgumentException("energy price must not be negative");
        }
    }

    /** Settings without an electricity price. */
    public PlanSettings(double targetTimeSeconds, double samplesToTrain, int maxProjectedGpus,
                        double extrapolationWarning) {
        this(targetTimeSeconds, samplesToTrain, maxProjectedGpus, extrapolationWarning, Double.NaN);
    }

    public static PlanSettings defaults() {
        return new PlanSettings(Double.NaN, Double.NaN, 0, DEFAULT_EXTRAPOLATION_WARNING, Double.NaN);
    }
}
