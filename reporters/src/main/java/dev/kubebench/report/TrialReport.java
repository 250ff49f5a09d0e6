package dev.kubebench.report;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.timeline.TimelineEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One trial as the reporters see it: its result and its timeline (events in time order; empty when the timeline was
 * not recorded).
 */
public record TrialReport(RunResult result, List<TimelineEvent> events) {
    public TrialReport {
        Objects.requireNonNull(result, "result");
        events = (events == null ? List.<TimelineEvent>of() : events).stream()
                .sorted(Comparator.comparing(TimelineEvent::time))
                .toList();
    }

    /** The trial index ({@link RunResult#trial()}). */
    public int trial() {
        return result.trial();
    }
}
