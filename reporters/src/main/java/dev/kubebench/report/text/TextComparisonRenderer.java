package dev.kubebench.report.text;

import dev.kubebench.report.ComparisonRenderer;
import dev.kubebench.report.analysis.compare.CompareFormatting;
import dev.kubebench.report.analysis.compare.ComparisonReport;
import dev.kubebench.report.analysis.compare.GeomeanRow;
import dev.kubebench.report.analysis.compare.MetricComparison;
import dev.kubebench.core.text.Numbers;
import dev.kubebench.core.text.Printable;
import dev.kubebench.core.text.TextTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A benchstat-like table per metric: median ± CI half-width and n per side, the change of the medians with its
 * p-value, and the verdict; a geomean row when a metric has several sweep points. For the terminal: names, points and
 * warnings have their control characters escaped ({@link Printable}).
 */
public final class TextComparisonRenderer implements ComparisonRenderer {
    @Override
    public String render(ComparisonReport report) {
        StringBuilder out = new StringBuilder();
        Map<String, List<MetricComparison>> byMetric = new LinkedHashMap<>();
        for (MetricComparison r : report.rows()) {
            byMetric.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<MetricComparison>> e : byMetric.entrySet()) {
            List<MetricComparison> rows = e.getValue();
            out.append(Printable.escape(e.getKey())).append(" (").append(CompareFormatting.direction(rows.get(0)))
                    .append(")\n");
            TextTable table = TextTable.left(9).indent(2)
                    .header("point", "baseline", "n", "candidate", "n", "change", "p", "verdict", "");
            for (MetricComparison r : rows) {
                table.row(r.point().isEmpty() ? "-" : r.point(),
                        CompareFormatting.median(r.baseline()),
                        r.baseline() == null ? "0" : Integer.toString(r.baseline().n()),
                        CompareFormatting.median(r.candidate()),
                        r.candidate() == null ? "0" : Integer.toString(r.candidate().n()),
                        Numbers.percent(r.changePercent()),
                        Numbers.pValue(r.pValue()),
                        r.verdict().label(),
                        r.note());
            }
            for (GeomeanRow g : report.geomeans()) {
                if (g.metric().equals(e.getKey())) {
                    table.row("geomean", Numbers.compact(g.baseline()), "", Numbers.compact(g.candidate()), "",
                            Numbers.percent(g.changePercent()), "", "", "");
                }
            }
            out.append(table.render()).append('\n');
        }
        out.append(String.format(Locale.ROOT,
                "Medians with %.0f%% confidence intervals; two-sided Mann-Whitney U test at alpha %s.%n",
                report.confidence() * 100, Numbers.significant(report.alpha(), 6)));
        for (String w : report.warnings()) {
            out.append("warning: ").append(Printable.escape(w)).append('\n');
        }
        return out.toString();
    }
}
