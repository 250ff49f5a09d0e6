package dev.kubebench.report.text;

import dev.kubebench.report.analysis.trend.ChangePoint;
import dev.kubebench.report.analysis.trend.ChangePointSettings;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.text.Printable;
import java.util.List;
import java.util.Locale;

/** The text output of {@code kubebench trend}: per series its change points and whether the newest one regressed. */
public final class TrendText {
    private TrendText() {
    }

    public static String render(List<TrendResult> results, ChangePointSettings settings) {
        StringBuilder out = new StringBuilder();
        for (TrendResult r : results) {
            TrendSeries s = r.series();
            out.append(Printable.escape(s.label())).append(" (").append(s.direction().yamlName()).append(" is better, ")
                    .append(s.values().length).append(" runs)\n");
            if (r.changePoints().isEmpty()) {
                out.append("  no change points\n");
            }
            for (ChangePoint cp : r.changePoints()) {
                out.append(String.format(Locale.ROOT, "  change at run %d (%s): mean %s -> %s (%+.2f%%), p=%s%n",
                        cp.index(), Printable.escape(s.runIds().get(cp.index())),
                        Numbers.significant(cp.meanBefore(), 6), Numbers.significant(cp.meanAfter(), 6),
                        cp.changePercent(), Numbers.pValue(cp.pValue())));
            }
            if (r.regression()) {
                out.append(String.format(Locale.ROOT,
                        "  REGRESSION: the newest segment is %+.2f%% against the one before (threshold %s%%)%n",
                        r.newestChangePercent(), Numbers.significant(r.thresholdPercent(), 6)));
            }
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT,
                "E-divisive means with Student t-test: p-value %s, window %d, magnitude %s.%n",
                Numbers.significant(settings.maxPValue(), 6), settings.windowLength(),
                Numbers.significant(settings.minMagnitude(), 6)));
        return out.toString();
    }
}
