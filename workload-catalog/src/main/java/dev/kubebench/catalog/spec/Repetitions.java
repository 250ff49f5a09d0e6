package dev.kubebench.catalog.spec;

import java.util.Objects;

/**
 * How many measured trials each sweep point gets: a fixed number ({@code repetitions: 5}, then min = max) or an
 * adaptive range that stops a point early once its median is known precisely enough.
 *
 * @param min   trials a point always runs, at least 1
 * @param max   trials a point runs at most (failed trials count), at least {@code min}
 * @param until when to stop between {@code min} and {@code max}; null for a fixed number
 */
public record Repetitions(int min, int max, Until until) {
    public Repetitions {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("repetitions need 1 <= min <= max, got min " + min + ", max " + max);
        }
    }

    /** Exactly {@code n} trials per point. */
    public static Repetitions fixed(int n) {
        return new Repetitions(n, n, null);
    }

    public boolean adaptive() {
        return until != null && max > min;
    }

    /**
     * The stopping target: stop a point once the confidence interval of the median of {@code metric} over its
     * succeeded trials is at most {@code ciWidthPercent} of the median wide.
     *
     * @param metric         the result metric, e.g. {@code throughput_samples_per_s}
     * @param ciWidthPercent the full interval width relative to the median, in percent, in (0, 100)
     */
    public record Until(String metric, double ciWidthPercent) {
        public Until {
            Objects.requireNonNull(metric, "metric");
            if (!(ciWidthPercent > 0 && ciWidthPercent < 100)) {
                throw new IllegalArgumentException("ciWidth must be in (0%, 100%), got " + ciWidthPercent);
            }
        }
    }
}
