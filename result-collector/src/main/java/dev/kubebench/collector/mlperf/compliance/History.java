package dev.kubebench.collector.mlperf.compliance;

import dev.kubebench.catalog.mlperf.compliance.LogHistory;
import dev.kubebench.collector.mllog.MllogEvent;
import java.util.HashSet;
import java.util.Set;

/** What the events before the current one said, for the ordering rules; fed one event at a time, in log order. */
final class History implements LogHistory {
    private final Set<String> seen = new HashSet<>();
    private double firstInitStartMs = Double.NaN;
    private String division;

    @Override
    public boolean seen(String key) {
        return seen.contains(key);
    }

    @Override
    public double firstInitStartMs() {
        return firstInitStartMs;
    }

    @Override
    public String division() {
        return division;
    }

    /** Takes in an event once its own checks ran. */
    void after(MllogEvent e) {
        seen.add(e.key());
        if (e.key().equals("init_start") && !(e.timeMs() >= firstInitStartMs)) {
            firstInitStartMs = e.timeMs();
        }
        if (e.key().equals("submission_division") && division == null) {
            division = e.stringValue();
        }
    }
}
