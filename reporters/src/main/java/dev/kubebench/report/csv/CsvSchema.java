package dev.kubebench.report.csv;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.metric.MetricNames;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CSV column layout (results.csv and points.csv, docs/reports.md): the standard metrics
 * ({@link MetricNames#STANDARD}) as fixed columns in their order, every other metric in a sorted tail.
 */
public final class CsvSchema {
    /** Version of the column layout; bump it when the fixed columns change. */
    public static final int VERSION = 1;

    private CsvSchema() {
    }

    /** Metric names present in any result that are not standard, sorted. */
    public static List<String> extraMetrics(Collection<RunResult> results) {
        Set<String> names = new TreeSet<>();
        Set<String> standard = Set.copyOf(MetricNames.STANDARD);
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
