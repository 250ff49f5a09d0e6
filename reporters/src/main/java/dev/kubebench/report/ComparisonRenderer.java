package dev.kubebench.report;

import dev.kubebench.report.analysis.compare.ComparisonReport;

/** Writes a {@link ComparisonReport} in one output format. */
public interface ComparisonRenderer {
    String render(ComparisonReport report);
}
