package dev.kubebench.collector.telemetry;

import dev.kubebench.catalog.spec.CollectSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in profiles, read from {@code profiles.json} beside this class: each metric's PromQL and its reduction are
 * data, not code. A {@code series} entry is selected for the trial's pods whichever way the DCGM exporter's labels were
 * kept: {@code M{namespace="ns",pod=~"pods"} or M{exported_namespace="ns",exported_pod=~"pods"}}.
 */
public final class TelemetryProfiles {
    private static final Map<String, List<ProfileQuery>> PROFILES = load();

    private TelemetryProfiles() {
    }

    /** The queries of a profile, in the order they are asked. */
    public static List<ProfileQuery> queries(CollectSpec.TelemetryProfile profile) {
        return PROFILES.getOrDefault(profile.yamlName(), List.of());
    }

    /** The selector for the trial's pods, both label spellings. */
    static String podSeries(String metric) {
        return metric + "{namespace=\"{{ .namespace }}\",pod=~\"{{ .podRegex }}\"} or " + metric
                + "{exported_namespace=\"{{ .namespace }}\",exported_pod=~\"{{ .podRegex }}\"}";
    }

    private static Map<String, List<ProfileQuery>> load() {
        try (InputStream in = TelemetryProfiles.class.getResourceAsStream("profiles.json")) {
            if (in == null) {
                throw new IllegalStateException("profiles.json is missing from the classpath");
            }
            JsonNode root = JsonMapper.builder().build().readTree(in);
            Map<String, List<ProfileQuery>> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> p : root.properties()) {
                if (p.getKey().startsWith("_")) {
                    continue;
                }
                List<ProfileQuery> queries = new ArrayList<>();
                for (JsonNode q : p.getValue()) {
                    Map<String, Reduction> reduce = new LinkedHashMap<>();
                    for (Map.Entry<String, JsonNode> r : q.path("reduce").properties()) {
                        reduce.put(r.getKey(), Reduction.fromJson(r.getValue().asString()));
                    }
                    String series = q.path("series").asString(null);
                    String query = series != null ? podSeries(series) : q.path("query").asString();
                    String label = series != null ? series : String.join(", ", reduce.keySet());
                    queries.add(new ProfileQuery(label, query, reduce, q.path("divisor").asDouble(1.0),
                            q.path("column").asString(null)));
                }
                out.put(p.getKey(), List.copyOf(queries));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
