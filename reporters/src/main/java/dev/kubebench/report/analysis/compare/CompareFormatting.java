package dev.kubebench.report.analysis.compare;

import dev.kubebench.core.metric.Direction;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.analysis.stats.MedianInterval;
import java.util.Locale;

/** How the comparison renderers phrase a median and a direction; numbers come from {@link Numbers}. */
public final class CompareFormatting {
    private CompareFormatting() {
    }

    /** {@code median ± x%} as benchstat prints it; {@code median ± ∞} without an interval; "-" when missing. */
    public static String median(MedianInterval m) {
        if (m == null) {
            return "-";
        }
        if (!m.hasInterval()) {
            return Numbers.compact(m.median()) + " ± ∞";
        }
        // not Numbers.fixed, which would print "-" where a zero median has no relative width and this prints "NaN%"
        return Numbers.compact(m.median()) + " ± "
                + String.format(Locale.ROOT, "%.0f%%", m.relativeHalfWidth() * 100);
    }

    public static String direction(MetricComparison r) {
        return r.direction() == Direction.LOWER ? "lower is better" : "higher is better";
    }
}
