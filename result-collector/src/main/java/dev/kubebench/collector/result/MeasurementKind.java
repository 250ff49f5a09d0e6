package dev.kubebench.collector.result;

import java.util.Locale;

/**
 * What a trial's success is judged on: {@code throughput} trials succeed when the job succeeds; {@code time_to_train}
 * trials succeed only when the quality target is reached, as MLPerf counts them.
 */
public enum MeasurementKind {
    THROUGHPUT,
    TIME_TO_TRAIN;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
