package dev.kubebench.collector.history;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which runs of the history to read.
 *
 * @param benchmark  only this benchmark, or null for all
 * @param labels     only runs carrying every one of these labels with exactly these values
 * @param since      only runs started at or after this instant, or null for all
 */
public record HistoryQuery(String benchmark, Map<String, String> labels, Instant since) {
    public HistoryQuery {
        labels = Collections.unmodifiableMap(new TreeMap<>(labels == null ? Map.of() : labels));
    }

    public static HistoryQuery benchmark(String benchmark) {
        return new HistoryQuery(benchmark, Map.of(), null);
    }
}
