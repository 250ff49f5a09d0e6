package dev.kubebench.runner.progress;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The latest figure worth showing while a trial runs, taken from one MLLOG log line: {@code tracked_stats} with
 * {@code value.throughput} (samples/s) or {@code eval_accuracy} (the value as logged, usually in [0, 1]). This is
 * only for the live display; results come from the collector's full parse of the logs.
 *
 * @param key   {@code throughput} or {@code eval_accuracy}
 * @param value the value
 * @param unit  {@code samples/s} for throughput, empty for accuracy
 */
public record LiveMetric(String key, double value, String unit) {
    private static final String MLLOG = ":::MLLOG";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public LiveMetric {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
    }

    /** The metric in a log line, if it is an MLLOG {@code tracked_stats} or {@code eval_accuracy} event. */
    public static Optional<LiveMetric> fromLogLine(String line) {
        int at = line.indexOf(MLLOG);
        // Most MLLOG lines are neither; skip them before paying for a JSON parse.
        if (at < 0 || !(line.contains("tracked_stats") || line.contains("eval_accuracy"))) {
            return Optional.empty();
        }
        JsonNode event;
        try {
            event = JSON.readTree(line.substring(at + MLLOG.length()).trim());
        } catch (JacksonException e) {
            return Optional.empty();
        }
        String key = event.path("key").asString("");
        JsonNode value = event.path("value");
        if (key.equals("tracked_stats") && value.path("throughput").isNumber()) {
            return Optional.of(new LiveMetric("throughput", value.path("throughput").asDouble(), "samples/s"));
        }
        if (key.equals("eval_accuracy") && value.isNumber()) {
            return Optional.of(new LiveMetric("eval_accuracy", value.asDouble(), ""));
        }
        return Optional.empty();
    }
}
