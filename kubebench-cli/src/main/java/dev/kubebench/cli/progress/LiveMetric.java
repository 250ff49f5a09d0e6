package dev.kubebench.cli.progress;

import dev.kubebench.collector.mllog.MllogEvent;
import dev.kubebench.collector.mllog.MllogParser;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest figure worth showing while a trial runs, taken from one MLLOG log line: {@code tracked_stats} with
 * {@code value.throughput} (samples/s) or {@code eval_accuracy} (the value as logged, usually in [0, 1]). The line is
 * decoded by the collector's {@link MllogParser#decodeLine}; this is only for the live display, results come from the
 * collector's full parse of the logs.
 *
 * @param key   {@code throughput} or {@code eval_accuracy}
 * @param value the value
 * @param unit  {@code samples/s} for throughput, empty for accuracy
 */
public record LiveMetric(String key, double value, String unit) {
    private static final String TRACKED_STATS = "tracked_stats";
    private static final String EVAL_ACCURACY = "eval_accuracy";

    public LiveMetric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
    }

    /** The metric in a log line, if it is an MLLOG {@code tracked_stats} or {@code eval_accuracy} event. */
    public static Optional<LiveMetric> fromLogLine(String line) {
        // Most lines are neither; skip them before paying for a decode.
        if (!line.contains(":::MLLOG") || !(line.contains(TRACKED_STATS) || line.contains(EVAL_ACCURACY))) {
            return Optional.empty();
        }
        return MllogParser.decodeLine(line).flatMap(LiveMetric::of);
    }

    private static Optional<LiveMetric> of(MllogEvent event) {
        if (event.key().equals(TRACKED_STATS) && !Double.isNaN(event.valueField("throughput"))) {
            return Optional.of(new LiveMetric("throughput", event.valueField("throughput"), "samples/s"));
        }
        if (event.key().equals(EVAL_ACCURACY) && !Double.isNaN(event.numericValue())) {
            return Optional.of(new LiveMetric(EVAL_ACCURACY, event.numericValue(), ""));
        }
        return Optional.empty();
    }
}
