package dev.kubebench.report.trend;

import dev.kubebench.core.text.Numbers;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Text and JSON output of {@code kubebench trend}. */
public final class TrendRenderer {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TrendRenderer() {
    }

    public static String text(List<TrendResult> results, ChangePointSettings settings) {
        StringBuilder out = new StringBuilder();
        for (TrendResult r : results) {
            TrendSeries s = r.series();
            out.append(s.label()).append(" (").append(s.direction().yamlName()).append(" is better, ")
                    .append(s.values().length).append(" runs)\n");
            if (r.changePoints().isEmpty()) {
                out.append("  no change points\n");
            }
            for (ChangePoint cp : r.changePoints()) {
                out.append(String.format(Locale.ROOT, "  change at run %d (%s): mean %s -> %s (%+.2f%%), p=%s%n",
                        cp.index(), s.runIds().get(cp.index()), Numbers.significant(cp.meanBefore(), 6),
                        Numbers.significant(cp.meanAfter(), 6), cp.changePercent(), Numbers.pValue(cp.pValue())));
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

    public static String json(List<TrendResult> results, ChangePointSettings settings) {
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
