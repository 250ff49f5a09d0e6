package dev.kubebench.report.analysis.trend;

/**
 * Parameters of the change-point detection; defaults are Apache Otava's.
 *
 * @param maxPValue     a change point is kept only when its t-test p-value is below this; Otava's {@code --p-value}
 *                      0.001
 * @param windowLength  length of the sliding window the E-divisive split runs in; Otava's {@code --window} 50
 * @param minMagnitude  smallest kept |after/before − 1| (a fraction); Otava's {@code --magnitude} 0.0
 */
public record ChangePointSettings(double maxPValue, int windowLength, double minMagnitude) {
    public static final double DEFAULT_P_VALUE = 0.001;
    public static final int DEFAULT_WINDOW = 50;

    public ChangePointSettings {
        if (!(maxPValue > 0 && maxPValue < 1)) {
            throw new IllegalArgumentException("p-value must be in (0, 1): " + maxPValue);
        }
        if (windowLength < 6) {
            throw new IllegalArgumentException("window must be at least 6: " + windowLength);
        }
        if (!(minMagnitude >= 0)) {
            throw new IllegalArgumentException("magnitude must be non-negative: " + minMagnitude);
        }
    }

    public static ChangePointSettings defaults() {
        return new ChangePointSettings(DEFAULT_P_VALUE, DEFAULT_WINDOW, 0.0);
    }

    /** The looser p-value of the first (split) pass, so that weak points can still be merged later, as Otava does. */
    double firstPassPValue() {
        if (maxPValue < 0.05) {
            return maxPValue * 10;
        }
        return maxPValue < 0.5 ? maxPValue * 2 : maxPValue;
    }
}
