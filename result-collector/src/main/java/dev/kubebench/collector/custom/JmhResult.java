package dev.kubebench.collector.custom;

import dev.kubebench.core.metric.MetricNames;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One benchmark of a JMH JSON result file ({@code -rf json}).
 *
 * @param benchmark   the fully qualified benchmark method, e.g. {@code dev.kubebench.benchmarks.MllogParseBenchmark.parse}
 * @param mode        JMH mode: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param params      {@code @Param} values, in file order
 * @param score       primary metric score in {@code scoreUnit}
 * @param scoreError  the 99.9% confidence half-width, NaN when JMH could not compute one
 * @param scoreUnit   e.g. {@code ops/s}, {@code ms/op}
 * @param percentiles primary metric percentiles (percent → value, e.g. 50.0 → median), in file order
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        String scoreUnit, Map<Double, Double> percentiles) {
    public JmhResult {
        Objects.requireNonNull(benchmark, "benchmark");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        percentiles = Collections.unmodifiableMap(new LinkedHashMap<>(percentiles == null ? Map.of() : percentiles));
    }

    /** {@code Class.method} with its params, as a metric-name prefix: {@code mllog_parse_benchmark_parse_size_64}. */
    public String metricPrefix() {
        String[] parts = benchmark.split("\\.");
        String shortName = parts.length >= 2 ? parts[parts.length - 2] + "_" + parts[parts.length - 1] : benchmark;
        StringBuilder sb = new StringBuilder(MetricNames.sanitize(shortName));
        params.forEach((k, v) -> sb.append('_').append(MetricNames.sanitize(k)).append('_')
                .append(MetricNames.sanitize(v)));
        return sb.toString();
    }
}
