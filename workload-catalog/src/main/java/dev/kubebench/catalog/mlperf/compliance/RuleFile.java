package dev.kubebench.catalog.mlperf.compliance;

import java.util.List;
import java.util.Objects;

/**
 * One rule file of a round ({@code common}, {@code closed_common}, {@code closed_bert}...), checked on its own.
 *
 * @param name  the file's name without round and extension
 * @param rules its key rules in file order
 */
public record RuleFile(String name, List<KeyRule> rules) {
    public RuleFile {
        Objects.requireNonNull(name, "name");
        rules = List.copyOf(rules);
    }
}
