package dev.kubebench.report.csv;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.metric.MetricNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CSV column layout (results.csv and points.csv, docs/reports.md): the standard metrics
 * ({@link MetricNames#STANDARD}) as fixed columns in their order; in results.csv the telemetry metrics
 * ({@link MetricNames#TELEMETRY}) follow as fixed columns too ({@link #RESULT_METRICS}); every other metric goes in a
 * sorted tail.
 */
public final class CsvSchema {
    /**
     * Version of the column layout; bump it when the fixed columns change. 2: results.csv appends the telemetry
     * metrics as fixed columns after the standard ones.
     */
    public static final int VERSION = 2;

    /**
     * The fixed metric columns of results.csv: standard, then telemetry. Telemetry is fixed rather than in the tail so
     * that its columns keep their place whether or not a run had any (a Kubernetes run with Prometheus, a local run,
     * one without either): a sheet or script that reads {@code gpu_util_mean_pct} by position keeps working, and
     * runs with and without telemetry concatenate into one table.
     */
    public static final List<String> RESULT_METRICS = concat(MetricNames.STANDARD, MetricNames.TELEMETRY);

    private CsvSchema() {
    }

    /** Metric names present in any result that are not standard, sorted (the tail of points.csv). */
    public static List<String> extraMetrics(Collection<RunResult> results) {
        return extraMetrics(results, MetricNames.STANDARD);
    }

    /** Metric names present in any result that are not among {@code fixed}, sorted. */
    public static List<String> extraMetrics(Collection<RunResult> results, List<String> fixed) {
        Set<String> names = new TreeSet<>();
        Set<String> known = Set.copyOf(fixed);
        for (RunResult r : results) {
            for (String name : r.metrics().keySet()) {
                if (!known.contains(name)) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
