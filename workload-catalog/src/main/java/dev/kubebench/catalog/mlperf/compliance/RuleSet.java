package dev.kubebench.catalog.mlperf.compliance;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The compliance rules of one MLPerf Training round.
 *
 * @param round   the round, e.g. {@code 4.0}
 * @param ruleset the rules' version, e.g. {@code 4.0.0}
 * @param source  where the facts come from
 * @param files   rule files by name; checking starts at {@link #ENTRY}
 */
public record RuleSet(String round, String ruleset, String source, Map<String, RuleFile> files) {
    /** The rule file checking starts with. */
    public static final String ENTRY = "common";

    public RuleSet {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(ruleset, "ruleset");
        files = Map.copyOf(files);
        if (!files.containsKey(ENTRY)) {
            throw new IllegalArgumentException(ruleset + ": no '" + ENTRY + "' rule file");
        }
    }

    /** A rule file by name. */
    public Optional<RuleFile> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** Every key some rule of this round is about (virtual keys included). */
    public Set<String> keys() {
        Set<String> keys = new HashSet<>();
        files.values().forEach(f -> f.rules().forEach(r -> {
            keys.add(r.key());
            if (r.aggregateOf() != null) {
                keys.add(r.aggregateOf());
            }
            if (r.occurrence() != null) {
                keys.addAll(r.occurrence().alternatives());
            }
        }));
        return keys;
    }

    /** True when the round's closed or open division accepts this benchmark name and has rules for it. */
    public boolean allows(String benchmark) {
        for (String division : List.of("closed", "open")) {
            if (!files.containsKey(division + "_" + benchmark)) {
                continue;
            }
            for (KeyRule r : file(division + "_common").map(RuleFile::rules).orElse(List.of())) {
                if (r.key().equals("submission_benchmark")
                        && r.checks().stream().anyMatch(c -> c.test(benchmark, Map.of(), 0, null))) {
                    return true;
                }
            }
        }
        return false;
    }
}
