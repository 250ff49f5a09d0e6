package dev.kubebench.collector.mlperf.compliance;

import dev.kubebench.catalog.mlperf.compliance.ComplianceRules;
import dev.kubebench.catalog.mlperf.compliance.RuleSet;
import dev.kubebench.core.error.Failure;
import dev.kubebench.core.error.KubebenchException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which round's rules a run log is checked against: the one asked for ({@code --ruleset 4.0.0}), else the round a
 * folder of the log's path names (the MLCommons results repositories are {@code training_results_v4.0}; local copies
 * often a plain {@code 4.0}), else the newest round that has the benchmark the log names in
 * {@code submission_benchmark}. The logs themselves carry no round.
 */
public final class Rounds {
    /** A folder name ending in a round: {@code 4.0}, {@code v4.0}, {@code 4.0.0}, {@code training_results_v4.0}. */
    private static final Pattern ROUND = Pattern.compile("(?:^|.*[^0-9.])v?(\\d+\\.\\d+)(?:\\.\\d+)?");

    private Rounds() {
    }

    /** The rules asked for by name. */
    public static RuleSet named(ComplianceRules rules, String ruleset) {
        return rules.find(ruleset).orElseThrow(() -> new KubebenchException(Failure.INVALID_INPUT,
                "--ruleset: no MLPerf Training rules for '" + ruleset + "' (one of "
                        + String.join(", ", rules.rulesets()) + ")"));
    }

    /**
     * The rules for a log in {@code dir} naming {@code benchmark}; empty when neither the path nor the benchmark
     * leads to a round kubebench has rules for.
     */
    public static Optional<RuleSet> detect(ComplianceRules rules, Path dir, String benchmark) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (p.getFileName() == null) {
                break;
            }
            Matcher m = ROUND.matcher(p.getFileName().toString());
            if (m.matches()) {
                Optional<RuleSet> r = rules.find(m.group(1));
                if (r.isPresent()) {
                    return r;
                }
            }
        }
        return rules.newestFor(benchmark);
    }
}
