package dev.kubebench.report.json;

import dev.kubebench.report.ComparisonRenderer;
import dev.kubebench.report.analysis.compare.ComparisonReport;
import dev.kubebench.report.analysis.compare.GeomeanRow;
import dev.kubebench.report.analysis.compare.MetricComparison;
import dev.kubebench.report.analysis.stats.MannWhitney;
import dev.kubebench.report.analysis.stats.MedianInterval;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** JSON for machines: every number of every row; NaN is written as null. */
public final class JsonComparisonRenderer implements ComparisonRenderer {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Override
    public String render(ComparisonReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("alpha", report.alpha());
        root.put("confidence", report.confidence());
        ArrayNode rows = root.putArray("comparisons");
        for (MetricComparison r : report.rows()) {
            ObjectNode row = rows.addObject();
            row.put("metric", r.metric());
            row.put("point", r.point());
            row.put("direction", r.direction().yamlName());
            row.put("directionSource", r.directionSource());
            side(row, "baseline", r.baseline());
            side(row, "candidate", r.candidate());
            num(row, "changePercent", r.changePercent());
            num(row, "pValue", r.pValue());
            if (r.test() != null) {
                row.put("u", r.test().u());
                row.put("test", r.test().method() == MannWhitney.Method.EXACT
                        ? "mann-whitney-exact" : "mann-whitney-normal");
            }
            row.put("thresholdPercent", r.thresholdPercent());
            row.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
            row.put("gated", r.gated());
            row.put("note", r.note());
        }
        ArrayNode geo = root.putArray("geomeans");
        for (GeomeanRow g : report.geomeans()) {
            ObjectNode n = geo.addObject();
            n.put("metric", g.metric());
            n.put("points", g.points());
            num(n, "baseline", g.baseline());
            num(n, "candidate", g.candidate());
            num(n, "changePercent", g.changePercent());
        }
        ArrayNode warnings = root.putArray("warnings");
        report.warnings().forEach(warnings::add);
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    private static void side(ObjectNode row, String name, MedianInterval m) {
        if (m == null) {
            row.putNull(name);
            return;
        }
        ObjectNode n = row.putObject(name);
        n.put("n", m.n());
        num(n, "median", m.median());
        num(n, "ciLow", m.low());
        num(n, "ciHigh", m.high());
    }

    static void num(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }
}
