package dev.kubebench.catalog.mlperf.compliance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The quality target as a compliance rule: at least one occurrence of the key must pass. Either the value itself
 * is compared ({@code value}), or named members of an object value ({@code members}: maskrcnn's
 * {@code {"BBOX": 0.378, "SEGM": 0.345}} in rounds 3.0 and 3.1, stable_diffusion's aggregated FID and CLIP).
 *
 * @param value   comparisons of a scalar value, all must pass; empty when {@code members} is used
 * @param members per member of an object value, comparisons that must all pass; empty when {@code value} is used
 */
public record TargetRule(List<Comparison> value, Map<String, List<Comparison>> members) {
    public TargetRule {
        value = List.copyOf(value);
        Map<String, List<Comparison>> copy = new LinkedHashMap<>();
        members.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        members = java.util.Collections.unmodifiableMap(copy);
        if (value.isEmpty() == members.isEmpty()) {
            throw new IllegalArgumentException("a target compares either the value or members of it");
        }
    }

    /** True when one logged value meets the target. */
    public boolean test(Object logged) {
        if (!value.isEmpty()) {
            return value.stream().allMatch(c -> c.test(logged));
        }
        if (!(logged instanceof Map<?, ?> object)) {
            return false;
        }
        for (Map.Entry<String, List<Comparison>> e : members.entrySet()) {
            Object member = object.get(e.getKey());
            if (!e.getValue().stream().allMatch(c -> c.test(member))) {
                return false;
            }
        }
        return true;
    }

    /** In words, e.g. {@code value >= 0.759 and value < 1.0}. */
    public String describe() {
        if (!value.isEmpty()) {
            return value.stream().map(c -> "value " + c).collect(Collectors.joining(" and "));
        }
        return members.entrySet().stream().flatMap(e -> e.getValue().stream().map(c -> e.getKey() + " " + c))
                .collect(Collectors.joining(" and "));
    }
}
