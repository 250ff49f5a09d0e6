package dev.kubebench.collector.custom;

import dev.kubebench.core.metric.MetricNames;

import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads JMH JSON results ({@code java -jar benchmarks.jar -rf json}) and turns them into named metrics:
 * {@code <prefix>_score_<unit>}, {@code <prefix>_score_error_<unit>} and, for sample-time runs,
 * {@code <prefix>_p50_<unit>}, {@code _p90_}, {@code _p99_}, {@code _p999_}, {@code _max_}. Units are sanitised:
 * {@code ops/s} → {@code ops_per_s}, {@code ms/op} → {@code ms_per_op}.
 */
public final class JmhResultCollector {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double[] PERCENTILES = {50.0, 90.0, 99.0, 99.9, 100.0};
    private static final String[] PERCENTILE_NAMES = {"p50", "p90", "p99", "p999", "max"};

    private JmhResultCollector() {
    }

    /**
     * Parses a JMH JSON result file.
     *
     * @throws KubebenchException INVALID_INPUT when the file is not a JMH JSON array
     */
    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JacksonException e) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": not JMH JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw new KubebenchException(Failure.INVALID_INPUT, file + ": not JMH JSON (expected an array of results)");
        }
        List<JmhResult> out = new ArrayList<>();
        int i = 0;
        for (JsonNode b : root) {
            JsonNode pm = b.get("primaryMetric");
            if (!b.path("benchmark").isString() || pm == null || !pm.path("score").isNumber()) {
                throw new KubebenchException(Failure.INVALID_INPUT, file + ": [" + i
                        + "]: expected benchmark and primaryMetric.score");
            }
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode pn = b.get("params");
            if (pn != null && pn.isObject()) {
                for (Map.Entry<String, JsonNode> e : pn.properties()) {
                    params.put(e.getKey(), e.getValue().asString());
                }
            }
            Map<Double, Double> pct = new LinkedHashMap<>();
            JsonNode sp = pm.get("scorePercentiles");
            if (sp != null && sp.isObject()) {
                for (Map.Entry<String, JsonNode> e : sp.properties()) {
                    try {
                        if (e.getValue().isNumber()) {
                            pct.put(Double.parseDouble(e.getKey()), e.getValue().asDouble());
                        }
                    } catch (NumberFormatException ignored) {
                        // JMH writes only numeric percentile keys; anything else is not a percentile
                    }
                }
            }
            JsonNode err = pm.get("scoreError");
            out.add(new JmhResult(b.get("benchmark").asString(), b.path("mode").asString(""), params,
                    pm.get("score").asDouble(), err != null && err.isNumber() ? err.asDouble() : Double.NaN,
                    pm.path("scoreUnit").asString(""), pct));
            i++;
        }
        return out;
    }

    /** The results as metrics (name → value), in file order; NaN errors are left out. */
    public static Map<String, Double> metrics(List<JmhResult> results) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (JmhResult r : results) {
            String prefix = r.metricPrefix();
            String unit = MetricNames.sanitize(r.scoreUnit());
            String suffix = unit.isEmpty() ? "" : "_" + unit;
            m.put(prefix + "_score" + suffix, r.score());
            if (Double.isFinite(r.scoreError())) {
                m.put(prefix + "_score_error" + suffix, r.scoreError());
            }
            if ("sample".equals(r.mode())) {
                for (int i = 0; i < PERCENTILES.length; i++) {
                    Double v = r.percentiles().get(PERCENTILES[i]);
                    if (v != null) {
                        m.put(prefix + "_" + PERCENTILE_NAMES[i] + suffix, v);
                    }
                }
            }
        }
        return m;
    }
}
