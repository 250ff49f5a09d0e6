package dev.kubebench.collector.mlperf.compliance;

import dev.kubebench.collector.mllog.MllogEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Virtual events that combine evaluations logged one metric per line (stable_diffusion's FID and CLIP, told apart
 * by {@code metadata.metric}) into one object per evaluation, grouped by a metadata member, as the published rules
 * of those rounds do before checking the quality target.
 */
final class Aggregates {
    private Aggregates() {
    }

    /**
     * One event per value of {@code by} among the {@code of} events that carry {@code metadata.metric}: key
     * {@code as}, value {@code {<by>: ..., <metric>: <value>...}}, time the latest of the group, line -1.
     */
    static List<MllogEvent> of(List<MllogEvent> lines, String of, String by, String as) {
        Map<Object, Map<String, Object>> values = new LinkedHashMap<>();
        Map<Object, Double> times = new LinkedHashMap<>();
        for (MllogEvent e : lines) {
            Object group = e.metadata().get(by);
            String metric = e.metadataString("metric");
            if (!e.key().equals(of) || metric == null || group == null) {
                continue;
            }
            values.computeIfAbsent(group, g -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put(by, g);
                return v;
            }).put(metric, e.value());
            times.merge(group, e.timeMs(), Math::max);
        }
        List<MllogEvent> out = new ArrayList<>();
        values.forEach((group, value) -> out.add(new MllogEvent(as, times.get(group), null, value, Map.of(), -1)));
        return out;
    }
}
