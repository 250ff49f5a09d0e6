package dev.kubebench.collector.result;

/**
 * One evaluation on the accuracy curve.
 *
 * @param elapsedMs  milliseconds since run_start
 * @param epoch      epoch number when logged, else NaN
 * @param samples    samples seen when logged, else NaN
 * @param value      the evaluated metric
 * @param metric     the sub-metric (e.g. {@code FID}) when an evaluation logs several, else null
 */
public record CurvePoint(double elapsedMs, double epoch, double samples, double value, String metric) {
}
