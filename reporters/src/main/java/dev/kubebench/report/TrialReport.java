package dev.kubebench.report;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.core.timeline.TimelineEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One trial as the reporters see it: its result, its timeline (events in time order; empty when the timeline was
 * not recorded) and its GPUs' utilization over time (from {@code telemetry.csv}; empty without telemetry).
 */
public record TrialReport(RunResult result, List<TimelineEvent> events, List<GpuUtilPoint> gpuUtil) {
    public TrialReport {
        Objects.requireNonNull(result, "result");
        events = (events == null ? List.<TimelineEvent>of() : events).stream()
                .sorted(Comparator.comparing(TimelineEvent::time))
                .toList();
        gpuUtil = gpuUtil == null ? List.of() : List.copyOf(gpuUtil);
    }

    /** A trial without GPU telemetry. */
    public TrialReport(RunResult result, List<TimelineEvent> events) {
        this(result, events, List.of());
    }

    /** The trial index ({@link RunResult#trial()}). */
    public int trial() {
        return result.trial();
    }
}
