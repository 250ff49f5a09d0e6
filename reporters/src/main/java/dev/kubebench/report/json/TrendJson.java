package dev.kubebench.report.json;

import dev.kubebench.report.analysis.trend.ChangePoint;
import dev.kubebench.report.analysis.trend.ChangePointSettings;
import dev.kubebench.report.analysis.trend.TrendResult;
import dev.kubebench.report.analysis.trend.TrendSeries;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON output of {@code kubebench trend}: the settings, then per series its runs, change points and verdict. */
public final class TrendJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TrendJson() {
    }

    public static String render(List<TrendResult> results, ChangePointSettings settings) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("pValue", settings.maxPValue());
        root.put("window", settings.windowLength());
        root.put("magnitude", settings.minMagnitude());
        ArrayNode arr = root.putArray("series");
        for (TrendResult r : results) {
            TrendSeries s = r.series();
            ObjectNode n = arr.addObject();
            n.put("metric", s.metric());
            n.put("point", s.point());
            n.put("direction", s.direction().yamlName());
            ArrayNode runs = n.putArray("runs");
            double[] v = s.values();
            for (int i = 0; i < v.length; i++) {
                ObjectNode run = runs.addObject();
                run.put("runId", s.runIds().get(i));
                run.put("startedAt", s.startedAt().get(i) == null ? null : s.startedAt().get(i).toString());
                run.put("value", v[i]);
            }
            ArrayNode cps = n.putArray("changePoints");
            for (ChangePoint cp : r.changePoints()) {
                ObjectNode c = cps.addObject();
                c.put("index", cp.index());
                c.put("runId", s.runIds().get(cp.index()));
                c.put("meanBefore", cp.meanBefore());
                c.put("meanAfter", cp.meanAfter());
                if (Double.isFinite(cp.changePercent())) {
                    c.put("changePercent", cp.changePercent());
                } else {
                    c.putNull("changePercent");
                }
                c.put("pValue", cp.pValue());
            }
            n.put("regression", r.regression());
            n.put("thresholdPercent", r.thresholdPercent());
        }
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
