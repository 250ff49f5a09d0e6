package dev.kubebench.report.analysis.trend;

import java.util.List;

/**
 * Change points of one series and the state of its newest segment.
 *
 * @param series                the history
 * @param changePoints          detected change points in index order
 * @param newestChangePercent   change of the newest segment's mean against the segment before, in percent; NaN when
 *                              there is no change point
 * @param regression            true when the newest segment is worse than the one before by more than the threshold
 * @param thresholdPercent      the threshold applied
 */
public record TrendResult(TrendSeries series, List<ChangePoint> changePoints, double newestChangePercent,
                          boolean regression, double thresholdPercent) {
    public TrendResult {
        changePoints = List.copyOf(changePoints);
    }
}
