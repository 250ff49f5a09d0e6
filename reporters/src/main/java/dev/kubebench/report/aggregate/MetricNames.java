package dev.kubebench.report.aggregate;

import dev.kubebench.collector.result.RunResult;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The standard metric names (result.json, docs/results.md) that every CSV carries as fixed columns, in their fixed
 * order; every other metric goes into the sorted tail. Adding a name here changes the CSV schema: bump
 * {@link #CSV_SCHEMA_VERSION}.
 */
public final class MetricNames {
    /** Version of the CSV column layout (results.csv and points.csv). */
    public static final int CSV_SCHEMA_VERSION = 1;

    public static final String TIME_TO_TRAIN_S = "time_to_train_s";
    public static final String THROUGHPUT = "throughput_samples_per_s";

    /** Fixed metric columns, in order. */
    public static final List<String> STANDARD = List.of(
            TIME_TO_TRAIN_S,
            THROUGHPUT,
            "step_time_mean_ms",
            "step_time_p50_ms",
            "step_time_p90_ms",
            "step_time_p99_ms",
            "step_time_p999_ms",
            "step_time_max_ms",
            "init_time_s",
            "queue_time_s",
            "wall_time_s",
            "scheduling_latency_p50_ms",
            "scheduling_latency_p90_ms",
            "scheduling_latency_p99_ms",
            "scheduling_latency_max_ms",
            "startup_latency_p50_ms",
            "startup_latency_p90_ms",
            "startup_latency_p99_ms",
            "startup_latency_max_ms");

    /** Step-time percentiles in distribution order, with their display labels. */
    public static final List<String> STEP_TIME_PERCENTILES = List.of(
            "step_time_p50_ms", "step_time_p90_ms", "step_time_p99_ms", "step_time_p999_ms", "step_time_max_ms");
    public static final List<String> STEP_TIME_LABELS = List.of("p50", "p90", "p99", "p99.9", "max");

    private MetricNames() {
    }

    /** Metric names present in any result that are not standard, sorted. */
    public static List<String> extra(Collection<RunResult> results) {
        Set<String> names = new TreeSet<>();
        Set<String> standard = Set.copyOf(STANDARD);
        for (RunResult r : results) {
            for (String name : r.metrics().keySet()) {
                if (!standard.contains(name)) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }
}
