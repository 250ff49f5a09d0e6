package dev.kubebench.cli;

import dev.kubebench.collector.result.RunResult;
import dev.kubebench.collector.store.RunDirectory;
import dev.kubebench.report.TimelineEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the reporters need from a run directory. */
final class ReportInputs {
    private ReportInputs() {
    }

    /** Each trial's timeline, keyed by trial index; unreadable timelines are left out. */
    static Map<Integer, List<TimelineEvent>> timelines(RunDirectory run, List<RunResult> results) {
        Map<Integer, List<TimelineEvent>> map = new LinkedHashMap<>();
        for (RunResult r : results) {
            try {
                List<TimelineEvent> events = new ArrayList<>();
                run.readEvents(r.trial()).forEach(e -> events.add(new TimelineEvent(e.time(), e.event(), e.pod(), e.detail())));
                map.put(r.trial(), events);
            } catch (IOException | RuntimeException e) {
                map.put(r.trial(), List.of());
            }
        }
        return map;
    }
}
