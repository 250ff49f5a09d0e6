package dev.kubebench.collector.mllog;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One decoded {@code :::MLLOG} event.
 *
 * @param key        the MLLOG key, e.g. {@code run_start}
 * @param timeMs     {@code time_ms}: milliseconds since the Unix epoch (fractional when a logger writes floats);
 *                   NaN when absent
 * @param eventType  {@code event_type} as logged ({@code POINT_IN_TIME}, {@code INTERVAL_START}...), or null;
 *                   informational only, scoring never relies on it
 * @param value      {@code value}: a {@link Double}, {@link String}, {@link Boolean}, a {@code Map<String, Object>}
 *                   of the object's scalar members, or null
 * @param metadata   the scalar members of {@code metadata} that kubebench reads ({@link MllogParser#METADATA}:
 *                   status, epoch_num, epoch_count, first_epoch_num, samples_count, step, step_num, metric,
 *                   rank), numbers as
 *                   {@link Double}; the map is wrapped, not copied
 * @param lineNumber 1-based line number in the source
 */
public record MllogEvent(String key, double timeMs, String eventType, Object value, Map<String, Object> metadata,
                         long lineNumber) {
    public MllogEvent {
        Objects.requireNonNull(key, "key");
        // the parser hands over a fresh map it never touches again: wrap, don't copy (this is the hot path)
        metadata = metadata == null || metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(metadata);
    }

    /** The value as a number, or NaN when it is not numeric. */
    public double numericValue() {
        return value instanceof Double d ? d : Double.NaN;
    }

    /** A numeric member of an object value ({@code tracked_stats}' {@code throughput}), or NaN. */
    public double valueField(String name) {
        return value instanceof Map<?, ?> m && m.get(name) instanceof Double d ? d : Double.NaN;
    }

    /** A numeric metadata member, or NaN. */
    public double metadataNumber(String name) {
        return metadata.get(name) instanceof Double d ? d : Double.NaN;
    }

    /** A metadata member as a string, or null. */
    public String metadataString(String name) {
        Object v = metadata.get(name);
        return v == null ? null : v.toString();
    }

    /** The value as a string ({@code submission_org}...), or null. */
    public String stringValue() {
        return value == null ? null : value.toString();
    }
}
