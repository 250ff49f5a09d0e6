package dev.kubebench.report.compare;

import java.util.List;

/**
 * The result of {@code kubebench compare}.
 *
 * @param alpha       significance level used
 * @param confidence  confidence level of the median intervals
 * @param rows        one per metric and sweep point, in input order
 * @param geomeans    one per metric with at least two comparable sweep points
 * @param warnings    problems worth a line (unknown direction, metrics present on one side only)
 */
public record ComparisonReport(double alpha, double confidence, List<MetricComparison> rows,
                               List<GeomeanRow> geomeans, List<String> warnings) {
    public ComparisonReport {
        rows = List.copyOf(rows);
        geomeans = List.copyOf(geomeans);
        warnings = List.copyOf(warnings);
    }

    /** Rows that fail the gate. */
    public List<MetricComparison> failures(boolean failOnInsufficient) {
        return rows.stream().filter(r -> r.failsGate(failOnInsufficient)).toList();
    }

    public boolean gateFailed(boolean failOnInsufficient) {
        return !failures(failOnInsufficient).isEmpty();
    }
}
