package dev.kubebench.report.analysis.trend;

import dev.kubebench.core.metric.Direction;
import java.util.ArrayList;
import java.util.List;

/** Runs change-point detection over each series and judges the newest segment against a threshold. */
public final class TrendAnalyzer {
    private final EDivisive detector;
    private final double thresholdPercent;

    /** @param thresholdPercent smallest change of the newest segment, in percent, that counts as a regression */
    public TrendAnalyzer(ChangePointSettings settings, double thresholdPercent) {
        if (!(thresholdPercent >= 0)) {
            throw new IllegalArgumentException("threshold must be non-negative: " + thresholdPercent);
        }
        this.detector = new EDivisive(settings);
        this.thresholdPercent = thresholdPercent;
    }

    public TrendResult analyze(TrendSeries series) {
        List<ChangePoint> cps = detector.detect(series.values());
        if (cps.isEmpty()) {
            return new TrendResult(series, cps, Double.NaN, false, thresholdPercent);
        }
        ChangePoint last = cps.get(cps.size() - 1);
        double change = last.changePercent();
        boolean worse = series.direction() == Direction.LOWER ? change > 0 : change < 0;
        boolean regression = worse && Math.abs(change) > thresholdPercent;
        return new TrendResult(series, cps, change, regression, thresholdPercent);
    }

    public List<TrendResult> analyze(List<TrendSeries> all) {
        List<TrendResult> out = new ArrayList<>();
        for (TrendSeries s : all) {
            out.add(analyze(s));
        }
        return out;
    }
}
