package dev.kubebench.report.analysis.compare;

import dev.kubebench.core.text.Numbers;
import dev.kubebench.report.GateCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The result of {@code kubebench compare}.
 *
 * @param alpha       significance level used
 * @param confidence  confidence level of the median intervals
 * @param rows        one per metric and sweep point, in input order
 * @param geomeans    one per metric with at least two comparable sweep points
 * @param warnings    problems worth a line (unknown direction, metrics present on one side only)
 */
public record ComparisonReport(double alpha, double confidence, List<MetricComparison> rows,
                               List<GeomeanRow> geomeans, List<String> warnings) {
    public ComparisonReport {
        rows = List.copyOf(rows);
        geomeans = List.copyOf(geomeans);
        warnings = List.copyOf(warnings);
    }

    /** Rows that fail the gate. */
    public List<MetricComparison> failures(boolean failOnInsufficient) {
        return rows.stream().filter(r -> r.failsGate(failOnInsufficient)).toList();
    }

    /** One {@link GateCheck} per gated row, for reporters that list gates next to trials (JUnit, Markdown). */
    public List<GateCheck> gateChecks(boolean failOnInsufficient) {
        List<GateCheck> out = new ArrayList<>();
        for (MetricComparison r : rows) {
            if (!r.gated()) {
                continue;
            }
            String name = r.label() + " max regression " + Numbers.significant(r.thresholdPercent(), 6) + "%";
            String message = String.format(Locale.ROOT, "%s: median %s -> %s (%s, p=%s)%s", r.verdict().label(),
                    CompareFormatting.median(r.baseline()), CompareFormatting.median(r.candidate()),
                    Numbers.percent(r.changePercent()), Numbers.pValue(r.pValue()),
                    r.note().isEmpty() ? "" : "; " + r.note());
            out.add(new GateCheck(name, !r.failsGate(failOnInsufficient), message));
        }
        return out;
    }

    public boolean gateFailed(boolean failOnInsufficient) {
        return !failures(failOnInsufficient).isEmpty();
    }
}
