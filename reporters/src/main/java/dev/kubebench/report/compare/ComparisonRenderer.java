package dev.kubebench.report.compare;

/** Writes a {@link ComparisonReport} in one output format. */
public interface ComparisonRenderer {
    String render(ComparisonReport report);
}
