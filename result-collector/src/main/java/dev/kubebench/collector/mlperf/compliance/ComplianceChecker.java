package dev.kubebench.collector.mlperf.compliance;

import dev.kubebench.catalog.mlperf.compliance.Check;
import dev.kubebench.catalog.mlperf.compliance.KeyRule;
import dev.kubebench.catalog.mlperf.compliance.Literals;
import dev.kubebench.catalog.mlperf.compliance.Occurrence;
import dev.kubebench.catalog.mlperf.compliance.RuleFile;
import dev.kubebench.catalog.mlperf.compliance.RuleSet;
import dev.kubebench.collector.mllog.MllogEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a round's rules over the events of one run log the way the MLCommons compliance checker runs its rule files:
 * starting at {@code common}, each file is checked on its own and may name the next (the division's common rules,
 * the benchmark's, resnet's optimizer's). Within a file every occurrence of a key is checked (of a
 * {@code submission_*} key only the first), the quality target must be met by at least one occurrence, and the
 * occurrence counts are checked at the end. A later file's rule for a key replaces the messages an earlier file left
 * for it. Messages are phrased as the official checker phrases them and come in its order: the per-key messages
 * first, then the others.
 */
final class ComplianceChecker {
    private final RuleSet rules;
    private final List<MllogEvent> lines;
    /** The official checker's "overwritable" messages: one per key, a later one for a key replaces it in place. */
    private final Map<String, String> byKey = new LinkedHashMap<>();
    private final List<String> others = new ArrayList<>();
    private final Deque<String> queue = new ArrayDeque<>();

    private ComplianceChecker(RuleSet rules, List<MllogEvent> events) {
        this.rules = rules;
        this.lines = new ArrayList<>(events);
    }

    static ComplianceResult check(RuleSet rules, List<MllogEvent> events, long malformedLines) {
        ComplianceChecker c = new ComplianceChecker(rules, events);
        if (malformedLines > 0) {
            c.others.add("Log lines had parsing errors.");
        }
        if (events.isEmpty()) {
            c.others.add("No log lines detected");
        }
        c.queue.add(RuleSet.ENTRY);
        while (!c.queue.isEmpty()) {
            String name = c.queue.poll();
            rules.file(name).ifPresentOrElse(c::run,
                    () -> c.others.add("Could not find config file: training_" + rules.ruleset() + "/" + name
                            + ".yaml"));
        }
        List<String> errors = new ArrayList<>(c.byKey.values());
        errors.addAll(c.others);
        return new ComplianceResult(rules.ruleset(), errors.isEmpty(), errors);
    }

    private void run(RuleFile file) {
        Map<String, KeyRule> keyRules = new LinkedHashMap<>();
        for (KeyRule r : file.rules()) {
            keyRules.put(r.key(), r);
            if (r.aggregateOf() != null) {
                lines.addAll(Aggregates.of(lines, r.aggregateOf(), r.aggregateBy(), r.key()));
            }
        }
        byKey.keySet().removeAll(keyRules.keySet());
        Map<String, List<Object>> reported = new HashMap<>();
        keyRules.keySet().forEach(k -> reported.put(k, new ArrayList<>()));
        Map<String, Integer> targetsMet = new LinkedHashMap<>();
        Set<String> submissionChecked = new HashSet<>();
        History history = new History();
        for (MllogEvent e : lines) {
            KeyRule r = keyRules.get(e.key());
            if (r != null) {
                reported.get(e.key()).add(e.value());
                if (!submissionChecked.contains(e.key())) {
                    checks(r, e, history);
                }
                if (r.target() != null) {
                    targetsMet.merge(e.key(), r.target().test(e.value()) ? 1 : 0, Integer::sum);
                }
                if (e.key().startsWith("submission_")) {
                    submissionChecked.add(e.key());
                }
            }
            history.after(e);
        }
        targetsMet.forEach((key, met) -> {
            if (met == 0) {
                others.add("Failed checks for " + key + " : " + keyRules.get(key).target().describe());
            }
        });
        occurrences(keyRules, reported);
    }

    private void checks(KeyRule r, MllogEvent e, History history) {
        for (Check c : r.checks()) {
            if (!c.test(e.value(), e.metadata(), e.timeMs(), history)) {
                byKey.put(e.key(), "CHECK for '" + e.key() + "' failed in line " + e.lineNumber() + ": failed test: "
                        + c.describe());
            }
        }
        if (r.include() != null) {
            queue.add(r.include().replace("{value}", Literals.plain(e.value())));
        }
    }

    private void occurrences(Map<String, KeyRule> keyRules, Map<String, List<Object>> reported) {
        Set<Set<String>> alternatives = new LinkedHashSet<>();
        for (KeyRule r : keyRules.values()) {
            Occurrence o = r.occurrence();
            if (o == null) {
                continue;
            }
            List<Object> values = reported.get(r.key());
            int n = values.size();
            String found = "Required " + o.spelled() + " occurrence of '" + r.key() + "' but found " + n;
            switch (o.kind()) {
                case EXACTLY_ONE -> {
                    if (n == 0) {
                        byKey.put(r.key(), found);
                    } else if (n > 1) {
                        Set<String> distinct = new LinkedHashSet<>();
                        values.forEach(v -> distinct.add(Literals.plain(v)));
                        // several occurrences of one value are only a warning to the official checker
                        if (distinct.size() > 1) {
                            byKey.put(r.key(), found + " with different values: [" + String.join(", ", distinct)
                                    + "]");
                        }
                    }
                }
                case AT_LEAST_ONE -> {
                    if (n < 1) {
                        byKey.put(r.key(), found);
                    }
                }
                case AT_LEAST -> {
                    if (n < o.atLeast()) {
                        byKey.put(r.key(), found);
                    }
                }
                case AT_LEAST_ONE_OR -> {
                    Set<String> group = new TreeSet<>(o.alternatives());
                    group.add(r.key());
                    alternatives.add(group);
                }
                case OPTIONAL -> {
                }
            }
        }
        for (Set<String> group : alternatives) {
            if (group.stream().allMatch(k -> reported.getOrDefault(k, List.of()).isEmpty())) {
                others.add("Required AT_LEAST_ONE occurrence of "
                        + group.stream().map(k -> "'" + k + "'").collect(Collectors.joining(" or ")));
            }
        }
    }
}
