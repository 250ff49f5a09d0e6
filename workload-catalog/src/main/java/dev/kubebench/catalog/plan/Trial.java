package dev.kubebench.catalog.plan;

import dev.kubebench.catalog.spec.Benchmark;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One unit of execution: a sweep point times a repetition, with the benchmark fully resolved for that point.
 *
 * @param index      0-based position in the plan; the trial directory is {@code trials/<index>}
 * @param point      sweep variable values of this point, in declaration order (empty without a sweep)
 * @param pointIndex 0-based index of the sweep point
 * @param repetition 0-based repetition of the point; warm-up trials count their own repetitions from 0
 * @param benchmark  the benchmark with this point's parameters substituted
 * @param warmup     a warm-up trial: run and recorded, never part of statistics, gates or history
 */
public record Trial(int index, Map<String, Object> point, int pointIndex, int repetition, Benchmark benchmark,
                    boolean warmup) {
    public Trial {
        if (index < 0 || pointIndex < 0 || repetition < 0) {
            throw new IllegalArgumentException("trial indices must not be negative");
        }
        point = Collections.unmodifiableMap(new LinkedHashMap<>(point == null ? Map.of() : point));
        Objects.requireNonNull(benchmark, "benchmark");
    }

    /** A measured trial. */
    public Trial(int index, Map<String, Object> point, int pointIndex, int repetition, Benchmark benchmark) {
        this(index, point, pointIndex, repetition, benchmark, false);
    }

    /** The same trial at another position of the plan. */
    public Trial at(int newIndex) {
        return new Trial(newIndex, point, pointIndex, repetition, benchmark, warmup);
    }

    /** A short label of the sweep point, e.g. {@code workers=2,batchSize=128}; empty without a sweep. */
    public String pointLabel() {
        StringBuilder sb = new StringBuilder();
        point.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }
}
