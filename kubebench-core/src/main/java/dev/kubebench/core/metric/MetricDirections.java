package dev.kubebench.core.metric;

import dev.kubebench.core.metric.Direction;
import java.util.Locale;
import java.util.Optional;

/**
 * Which way a metric improves, inferred from its name when no gate or option says: rates ({@code _per_s},
 * throughput, accuracy, utilisation, MFU) are better higher; durations ({@code _s}, {@code _ms}, {@code _us},
 * {@code _ns}, {@code time_*}, latency) and losses are better lower. Rates are checked first because
 * {@code throughput_samples_per_s} also ends in {@code _s}. Energy ({@code _j}, {@code energy_per_sample_j}) is
 * better lower and checked before the rates.
 */
public final class MetricDirections {
    private MetricDirections() {
    }

    /** The direction the name implies, or empty when it implies none. */
    public static Optional<Direction> infer(String metric) {
        String m = metric.toLowerCase(Locale.ROOT);
        if (m.contains("energy") || m.endsWith("_j")) {
            // energy_per_sample_j is a cost per unit of work, not a rate
            return Optional.of(Direction.LOWER);
        }
        if (m.contains("_per_") || m.contains("throughput") || m.contains("accuracy") || m.contains("util")
                || m.contains("mfu") || m.endsWith("_tflops") || m.contains("speedup") || m.contains("efficiency")) {
            return Optional.of(Direction.HIGHER);
        }
        if (m.endsWith("_s") || m.endsWith("_ms") || m.endsWith("_us") || m.endsWith("_ns")
                || m.endsWith("_seconds") || m.startsWith("time_") || m.contains("_time") || m.contains("latency")
                || m.contains("loss") || m.contains("error") || m.endsWith("_bytes") || m.contains("cost")) {
            return Optional.of(Direction.LOWER);
        }
        return Optional.empty();
    }
}
