package dev.kubebench.collector.result;

import java.util.Locale;

/** How much of a trial's hardware telemetry could be collected (result.json {@code telemetry.status}). */
public enum TelemetryStatus {
    /** every query answered. */
    AVAILABLE,
    /** some metrics collected, some queries failed (see the warnings). */
    PARTIAL,
    /** no numbers: Prometheus unreachable, an error answer, or no series for the trial's pods. */
    UNAVAILABLE;

    /** The spelling in result.json. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #jsonName()}. */
    public static TelemetryStatus fromJson(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
