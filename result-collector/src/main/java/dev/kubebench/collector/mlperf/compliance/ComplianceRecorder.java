package dev.kubebench.collector.mlperf.compliance;

import dev.kubebench.catalog.mlperf.compliance.RuleSet;
import dev.kubebench.collector.mllog.MllogEvent;
import dev.kubebench.collector.mllog.MllogVisitor;
import dev.kubebench.collector.mllog.ParseStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Keeps the events a compliance check needs while a log is parsed (every key some rule of some round is about,
 * and the {@code submission_*} keys), so that one parse serves the score and the check, and the round can be chosen
 * from what the log says. Keeps at most {@link #MAX_EVENTS}; a log with more is reported as not checkable.
 */
public final class ComplianceRecorder implements MllogVisitor {
    /** The most events kept for one log. */
    public static final int MAX_EVENTS = 1_000_000;

    private final Set<String> keys;
    private final List<MllogEvent> events = new ArrayList<>();
    private long dropped;

    /** A recorder of the events with these keys (and every {@code submission_*} key). */
    public ComplianceRecorder(Set<String> keys) {
        this.keys = Set.copyOf(keys);
    }

    @Override
    public boolean wants(String key) {
        return keys.contains(key) || key.startsWith("submission_");
    }

    @Override
    public void event(MllogEvent event) {
        if (events.size() < MAX_EVENTS) {
            events.add(event);
        } else {
            dropped++;
        }
    }

    /** Checks the recorded events against a round's rules. */
    public ComplianceResult check(RuleSet rules, ParseStats stats) {
        if (dropped > 0) {
            return new ComplianceResult(rules.ruleset(), false, List.of("not checked: more than " + MAX_EVENTS
                    + " events with keys the rules are about"));
        }
        return ComplianceChecker.check(rules, events, stats.malformedLines());
    }
}
