package dev.kubebench.catalog.mlperf.compliance;

import java.util.List;
import java.util.Objects;

/**
 * What one rule file says about one key.
 *
 * @param key         the MLLOG key
 * @param occurrence  how often it must occur, or null for no requirement
 * @param checks      tests every occurrence must pass (of {@code submission_*} keys, the first)
 * @param target      the quality target at least one occurrence must meet, or null
 * @param include     the rule file to check next, {@code {value}} replaced by this key's value, or null
 * @param aggregateOf for a virtual key: the key whose events with {@code metadata.metric} are combined, or null
 * @param aggregateBy the metadata member that groups them ({@code samples_count}, {@code step_num}), or null
 */
public record KeyRule(String key, Occurrence occurrence, List<Check> checks, TargetRule target, String include,
                      String aggregateOf, String aggregateBy) {
    public KeyRule {
        Objects.requireNonNull(key, "key");
        checks = List.copyOf(checks);
        if ((aggregateOf == null) != (aggregateBy == null)) {
            throw new IllegalArgumentException(key + ": aggregate needs both key and by");
        }
    }
}
