package dev.kubebench.report.analysis.compare;

/**
 * The geometric mean of the medians of one metric over its sweep points, as benchstat's summary row: a change of
 * factor f at one of n points moves it by f^(1/n).
 *
 * @param metric         metric name
 * @param points         number of sweep points with a median on both sides
 * @param baseline       geometric mean of the baseline medians
 * @param candidate      geometric mean of the candidate medians
 * @param changePercent  (candidate / baseline − 1) · 100
 */
public record GeomeanRow(String metric, int points, double baseline, double candidate, double changePercent) {
}
