package dev.kubebench.report.markdown;

import dev.kubebench.report.ComparisonRenderer;
import dev.kubebench.report.analysis.compare.CompareFormatting;
import dev.kubebench.report.analysis.compare.ComparisonReport;
import dev.kubebench.report.analysis.compare.GeomeanRow;
import dev.kubebench.report.analysis.compare.MetricComparison;
import dev.kubebench.report.analysis.compare.Verdict;
import dev.kubebench.core.text.Numbers;
import java.util.Locale;

/** A GitHub-flavoured Markdown table, for pull-request comments and job summaries. */
public final class MarkdownComparisonRenderer implements ComparisonRenderer {
    @Override
    public String render(ComparisonReport report) {
        StringBuilder out = new StringBuilder();
        long regressions = report.rows().stream().filter(r -> r.verdict() == Verdict.REGRESSION).count();
        long improvements = report.rows().stream().filter(r -> r.verdict() == Verdict.IMPROVEMENT).count();
        out.append("### kubebench compare: ").append(regressions).append(" regression")
                .append(regressions == 1 ? "" : "s").append(", ").append(improvements).append(" improvement")
                .append(improvements == 1 ? "" : "s").append("\n\n");
        out.append("| metric | point | baseline | n | candidate | n | change | p | verdict |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (MetricComparison r : report.rows()) {
            String verdict = r.verdict() == Verdict.REGRESSION ? "**regression**" : r.verdict().label();
            if (!r.note().isEmpty()) {
                verdict += " (" + Md.cell(r.note()) + ")";
            }
            out.append("| ").append(cell(r.metric())).append(" | ").append(r.point().isEmpty() ? "-" : cell(r.point()))
                    .append(" | ").append(CompareFormatting.median(r.baseline()))
                    .append(" | ").append(r.baseline() == null ? 0 : r.baseline().n())
                    .append(" | ").append(CompareFormatting.median(r.candidate()))
                    .append(" | ").append(r.candidate() == null ? 0 : r.candidate().n())
                    .append(" | ").append(Numbers.percent(r.changePercent()))
                    .append(" | ").append(Numbers.pValue(r.pValue()))
                    .append(" | ").append(verdict).append(" |\n");
        }
        for (GeomeanRow g : report.geomeans()) {
            out.append("| ").append(cell(g.metric())).append(" | geomean | ")
                    .append(Numbers.compact(g.baseline())).append(" | | ")
                    .append(Numbers.compact(g.candidate())).append(" | | ")
                    .append(Numbers.percent(g.changePercent())).append(" | | |\n");
        }
        out.append(String.format(Locale.ROOT,
                "%nMedians ± %.0f%% confidence interval half-width; two-sided Mann-Whitney U test, alpha %s.%n",
                report.confidence() * 100, Numbers.significant(report.alpha(), 6)));
        for (String w : report.warnings()) {
            out.append("\n> warning: ").append(cell(w)).append('\n');
        }
        return out.toString();
    }

    /** Text from specs and results ({@link Md#cell}); medians are numbers and pass unchanged. */
    private static String cell(String s) {
        return Md.cell(s);
    }
}
