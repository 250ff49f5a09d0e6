package dev.kubebench.core.metric;

import java.util.Locale;

/** Which way a metric improves: {@code higher} (throughput, accuracy) or {@code lower} (time, loss). */
public enum Direction {
    HIGHER,
    LOWER;

    /** The spelling used in specs, the catalog and result files. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when {@code value} meets {@code target} in this direction (inclusive, as MLPerf compares). */
    public boolean reaches(double value, double target) {
        return this == HIGHER ? value >= target : value <= target;
    }
}
